import './options.css';
import { priceRange, type Product } from '../../../../domain/index.ts';
import { formatMoney } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.ts';
import type { OptionChoice } from '../../../hooks/use-option-choice.ts';

/**
 * The option groups of a product as chips: one row of buttons per group (Weight: 100 g, 250 g…),
 * each pressed or not (aria-pressed), so a screen reader and a test find each by its name. A
 * value that leads to no combination in stock, given the others chosen, is shown unavailable
 * and cannot be pressed; pressing a chosen value again lets it go.
 */
export function OptionChips({ product, choice }: { product: Product; choice: OptionChoice }) {
  const { t } = useI18n();
  const groups = product.options ?? [];
  return (
    <div class="option-groups" role="group" aria-label={t('options.label')}>
      {groups.map((group, g) => (
        <fieldset class="option-group">
          <legend>{group.name}</legend>
          <div class="option-chips">
            {group.values.map((value) => {
              const pressed = choice.chosen[g] === value.id;
              const open = pressed || choice.available[g]?.has(value.id) === true;
              return (
                <button
                  type="button"
                  class={open ? 'option-chip' : 'option-chip option-off'}
                  aria-pressed={pressed}
                  // Its name says why it cannot be chosen; it begins with what is on it, for voice control.
                  aria-label={open ? undefined : `${value.name}, ${t('options.unavailable')}`}
                  disabled={!open}
                  onClick={() => choice.choose(g, pressed ? undefined : value.id)}
                >
                  {value.name}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}
      <p class="note option-status" aria-live="polite">
        {choice.missing.length > 0 ? t('options.choose', { groups: choice.missing.join(t('options.and')) }) : t('options.chosen', {
          values: choice.chosen.map((v, g) => groups[g]?.values.find((x) => x.id === v)?.name ?? '').join(', '),
        })}
      </p>
    </div>
  );
}

/** "¥38.00 – ¥168.00": what a product with options sells at, before a choice. */
export function PriceRange({ product, currency }: { product: Product; currency: string }) {
  const { t, intl } = useI18n();
  const { min, max } = priceRange(product);
  if (min === max) return <span class="price">{formatMoney(min, currency, intl)}</span>;
  return <span class="price">{t('options.range', { min: formatMoney(min, currency, intl), max: formatMoney(max, currency, intl) })}</span>;
}
