import { listSaved } from '../../../app/queries/saved.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { href } from '../../router.ts';
import './saved.css';

/**
 * The way to a person's saved and recently viewed products, where their own things are (the
 * orders screen): two links, the first saying how many are saved and whether any is marked.
 */
export function MyLists() {
  const { t } = useI18n();
  const app = useApp();
  const saved = useLive(() => listSaved(app), [app]);
  const count = saved?.length ?? 0;
  return (
    <nav class="saved-links" aria-label={t('saved.tabs')}>
      <a href={href({ name: 'saved' })}>
        <span aria-hidden="true">♥</span>
        {count > 0 ? t('saved.linkCount', { count }) : t('saved.link')}
      </a>
      <a href={href({ name: 'saved', tab: 'viewed' })}>{t('saved.linkViewed')}</a>
    </nav>
  );
}
