import { optionChipsIn, type OptionChoice } from '../../../../app/queries/catalog-option-filter.ts';
import { useApp } from '../../../hooks/use-app.ts';
import { useLive } from '../../../hooks/use-live.ts';
import { useI18n } from '../../../i18n/index.ts';
import './option-filter.css';

// The catalog's query for a chosen value comes in this chunk too: the first screen names one chunk, not two.
export { searchCatalogByOption } from '../../../../app/queries/catalog-option-filter.ts';

interface Props {
  category: string;
  choice: OptionChoice | undefined;
  /** A value chosen, or undefined when the chosen one is pressed again (all of the category). */
  onChoose: (choice: OptionChoice | undefined) => void;
}

/**
 * The catalog's chips by option value within the category shown (issue 13): a row per option
 * group ("Colour: red, blue"), the values some product there has in stock; one chosen at a time,
 * with the category (and the search). Loaded with its code after the first screen, only once a
 * category is picked.
 */
export function OptionFilter({ category, choice, onChoose }: Props) {
  const { t } = useI18n();
  const app = useApp();
  const groups = useLive(() => optionChipsIn(app.store, category), [app, category]);
  if (groups === undefined || groups.length === 0) return null;
  return (
    <div class="option-filter" role="group" aria-label={t('options.filter')}>
      {groups.map((g) => (
        <div class="chips option-filter-group" role="group" aria-label={g.name}>
          <span class="option-filter-name" aria-hidden="true">{t('options.filterGroup', { group: g.name })}</span>
          {g.values.map((value) => {
            const on = choice !== undefined && choice.group === g.name && choice.value === value;
            return (
              <button type="button" class="chip" aria-pressed={on} onClick={() => onChoose(on ? undefined : { group: g.name, value })}>
                {value}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
