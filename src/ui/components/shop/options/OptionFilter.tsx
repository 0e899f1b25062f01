import { useRef } from 'preact/hooks';
import { optionChipsIn, type OptionChoice } from '../../../../app/queries/catalog-option-filter.ts';
import { useApp } from '../../../hooks/use-app.ts';
import { useChosenInView } from '../../../hooks/use-chosen-in-view.ts';
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
        <ValueRow key={g.name} group={g.name} values={g.values} chosen={choice?.group === g.name ? choice.value : undefined} onChoose={onChoose} />
      ))}
    </div>
  );
}

/** One group's values, a row that scrolls sideways: a value chosen by the address is scrolled into view. */
function ValueRow({ group, values, chosen, onChoose }: { group: string; values: readonly string[]; chosen: string | undefined; onChoose: Props['onChoose'] }) {
  const { t, locale } = useI18n();
  const row = useRef<HTMLDivElement>(null);
  useChosenInView(row, '[aria-pressed="true"]', [chosen, locale, values.length]);
  return (
    <div class="chips option-filter-group" role="group" aria-label={group} ref={row}>
      <span class="option-filter-name" aria-hidden="true">{t('options.filterGroup', { group })}</span>
      {values.map((value) => {
        const on = chosen === value;
        return (
          <button type="button" class="chip" aria-pressed={on} onClick={() => onChoose(on ? undefined : { group, value })}>
            {value}
          </button>
        );
      })}
    </div>
  );
}
