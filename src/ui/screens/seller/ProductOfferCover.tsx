import { MAX_COMBINATIONS } from '../../../domain/index.ts';
import type { FieldErrors } from '../../../engines/forms/product-form.ts';
import { combinationCount, rowLabel, type OptionsFormValues } from '../../../engines/forms/product-options-form.ts';
import { pickCombination, setPickedPrice, type Offer, type OfferCover } from '../../../engines/forms/product-offer-cover.ts';
import { Check, Field } from '../../kit/FormField.tsx';
import { errorText } from '../../kit/form-errors.ts';
import { useI18n } from '../../i18n/index.ts';

interface Props {
  offer: Offer;
  cover: OfferCover;
  onChange: (cover: OfferCover) => void;
  /** The form's options: the combinations there are to pick from. */
  options: OptionsFormValues;
  sign: string;
  fields: { form: string; errors: FieldErrors; currency?: string; onFix: (field: string) => void };
}

/**
 * Within a team buy or a flash sale of a product with options: every combination at the offer's
 * price, or only those the seller ticks, each at the offer's price or one typed for it. What this
 * can say is what the domain's offers hold (product-offer-cover.ts reads it, the domain checks it).
 */
export function ProductOfferCover({ offer, cover, onChange, options, sign, fields: f }: Props) {
  const { t } = useI18n();
  const count = combinationCount(options.groups);
  if (count === 0 || count > MAX_COMBINATIONS) return null;
  const name = `${f.form}-${offer}-cover`;
  const error = f.errors[`${offer}.cover`];
  const fix = () => error && f.onFix(`${offer}.cover`);
  return (
    <fieldset class="sc-cover" aria-describedby={error ? `${name}-err` : undefined}>
      <legend>{t(offer === 'team' ? 'catalogForm.cover.team' : 'catalogForm.cover.flash')}</legend>
      <label class="acct-check">
        <input type="radio" name={name} checked={cover.all} onChange={() => onChange({ ...cover, all: true })} />
        {t('catalogForm.cover.all')}
      </label>
      <label class="acct-check">
        <input type="radio" name={name} checked={!cover.all} onChange={() => onChange({ ...cover, all: false })} />
        {t('catalogForm.cover.some')}
      </label>
      {!cover.all && (
        <ul class="sc-cover-list">
          {options.rows.map((row, i) => {
            const label = rowLabel(options, row);
            const on = cover.picked[row.id] !== undefined;
            return (
              <li key={row.id}>
                <Check label={label} checked={on} onChange={(next) => { fix(); onChange(pickCombination(cover, row.id, next)); }}>
                  {on && (
                    <Field
                      {...f}
                      field={`${offer}.cover[${i}]`}
                      kind="money"
                      label={t(offer === 'team' ? 'catalogForm.cover.teamPrice' : 'catalogForm.cover.flashPrice', { name: label, sign })}
                      hint={t('catalogForm.cover.priceHint')}
                      value={cover.picked[row.id]!}
                      onInput={(p) => onChange(setPickedPrice(cover, row.id, p))}
                    />
                  )}
                </Check>
              </li>
            );
          })}
        </ul>
      )}
      {error && <p id={`${name}-err`} class="acct-error sc-error" role="alert">{errorText(t, `${offer}.cover`, 'list', error)}</p>}
    </fieldset>
  );
}
