import { useEffect, useState } from 'preact/hooks';
import type { ProductId } from '../../../domain/index.ts';
import { recordProductView } from '../../../app/actions/record-product-view.ts';
import { saveForLater } from '../../../app/actions/save-for-later.ts';
import { isSavedByMe } from '../../../app/queries/saved.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { savedErrorText } from './saved-error.ts';
import { href } from '../../router.ts';
import './saved.css';

/**
 * The product page's part of "Favourites and history": opening the page records the view (the
 * person's recently viewed, and a saved product's price and stock as now seen), and a heart
 * saves the product for the person or takes it out again. A toggle button: its name stays
 * "Save" and `aria-pressed` says whether it is saved.
 */
export function ProductSaved({ productId }: { productId: ProductId }) {
  const app = useApp();
  const { t } = useI18n();
  const saved = useLive(() => isSavedByMe(app, productId), [app, productId]);
  const [note, setNote] = useState<{ text: string; error?: boolean } | undefined>(undefined);
  useEffect(() => {
    setNote(undefined);
    recordProductView(app, productId).catch((error: unknown) => console.error('The view could not be recorded', error));
  }, [app, productId]);
  if (saved === undefined) return null;

  const toggle = async () => {
    try {
      await saveForLater(app, productId, !saved);
      setNote({ text: t(saved ? 'saved.removedNote' : 'saved.savedNote') });
    } catch (error) {
      setNote({ text: savedErrorText(t, error), error: true });
    }
  };

  return (
    <div class="saved-toggle">
      <button type="button" class="saved-heart" aria-pressed={saved} onClick={() => void toggle()}>
        <span class="saved-heart-icon" aria-hidden="true">{saved ? '♥' : '♡'}</span>
        {t('saved.save')}
      </button>
      <p class={note?.error ? 'saved-note saved-note-error' : 'saved-note'} aria-live="polite">
        {note?.text}
        {saved && !note?.error && (
          <>
            {note ? ' ' : ''}
            <a href={href({ name: 'saved' })}>{t('saved.see')}</a>
          </>
        )}
      </p>
    </div>
  );
}
