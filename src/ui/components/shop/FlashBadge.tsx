import type { Inventory, Product } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { Price } from '../Price.tsx';
import { flashPhase } from './flash-state.ts';
import { TimeLeft } from './TimeLeft.tsx';
import { useNow } from '../../hooks/use-now.ts';

/** A flash sale in brief: its price, a countdown to its start or end, and units left. */
export function FlashBadge({ product, inventory, currency }: { product: Product; inventory: Inventory | undefined; currency: string }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const flash = product.flash;
  if (!flash) return null;
  const state = flashPhase(flash, inventory, now);
  if (state.phase === 'ended') return null;
  return (
    <div class="badge badge-flash">
      <span class="badge-title">
        {t('flash.title')} <Price amount={flash.price} currency={currency} />
      </span>
      {state.phase === 'upcoming' && (
        <span>
          {t('flash.startsIn')} <TimeLeft until={state.startsAt} label={t('flash.startsIn')} />
        </span>
      )}
      {state.phase === 'on' && (
        <span>
          {t('flash.endsIn')} <TimeLeft until={state.endsAt} label={t('flash.endsIn')} /> · {t('flash.left', { count: state.left })}
        </span>
      )}
      {state.phase === 'sold-out' && <span>{t('flash.soldOut')}</span>}
    </div>
  );
}
