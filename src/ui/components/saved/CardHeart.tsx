import { useState } from 'preact/hooks';
import type { ProductId } from '../../../domain/index.ts';
import { saveForLater } from '../../../app/actions/save-for-later.ts';
import { isSavedByMe } from '../../../app/queries/saved.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { savedErrorText } from './saved-error.ts';
import './card-heart.css';

/**
 * The heart on a product's card in the catalog: saves the product for the person using the app,
 * or takes it out, as the product page's heart does (same action, same list). A toggle button
 * named for its product ("Save Tea"), so a screen reader's list of buttons tells the cards
 * apart; `aria-pressed` says whether it is saved. Its own small chunk, loaded after the first
 * screen (the card shows without it until it arrives).
 */
export function CardHeart({ productId, name }: { productId: ProductId; name: string }) {
  const app = useApp();
  const { t } = useI18n();
  const saved = useLive(() => isSavedByMe(app, productId), [app, productId]);
  const [error, setError] = useState<string | undefined>(undefined);
  if (saved === undefined) return null;
  const toggle = async () => {
    try {
      setError(undefined);
      await saveForLater(app, productId, !saved);
    } catch (e) {
      setError(savedErrorText(t, e));
    }
  };
  return (
    <>
      <button type="button" class="card-heart" aria-pressed={saved} onClick={() => void toggle()}>
        <span aria-hidden="true">{saved ? '♥' : '♡'}</span>
        <span class="sr-only">{t('saved.saveName', { name })}</span>
      </button>
      {error && <p class="card-heart-error" role="alert">{error}</p>}
    </>
  );
}
