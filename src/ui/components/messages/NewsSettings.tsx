/**
 * In the Updates list: which kinds of news the person is told about, a switch each. What is
 * turned off stays listed (it is their history), but no longer counts as new, badges the
 * app's icon or notifies (domain/updates.ts toldOf). Closed by default: the list comes first.
 */
import { NEWS_GROUPS, type NewsGroup } from '../../../domain/index.ts';
import { chooseNews } from '../../../app/actions/choose-news.ts';
import { useI18n } from '../../i18n/index.ts';

export function NewsSettings({ person, muted, onChange }: { person: string; muted: readonly NewsGroup[]; onChange: (muted: NewsGroup[]) => void }) {
  const { t } = useI18n();
  const toggle = (group: NewsGroup, on: boolean) => {
    const told = NEWS_GROUPS.filter((g) => (g === group ? on : !muted.includes(g)));
    void chooseNews(person, told).then(() => onChange(NEWS_GROUPS.filter((g) => !told.includes(g))));
  };
  return (
    <details class="upd-settings">
      <summary>{t('news.title')}</summary>
      <fieldset class="upd-groups">
        <legend class="sr-only">{t('news.title')}</legend>
        {NEWS_GROUPS.map((g) => (
          <label key={g} class="upd-group">
            <input type="checkbox" checked={!muted.includes(g)} onChange={(e) => toggle(g, e.currentTarget.checked)} />
            <span>{t(`news.${g}`)}</span>
          </label>
        ))}
      </fieldset>
      <p class="acct-muted">{t('news.note')}</p>
    </details>
  );
}
