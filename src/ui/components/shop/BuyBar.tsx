import type { CombinationId, Inventory, Product } from '../../../domain/index.ts';
import { flashPhase } from './flash-state.ts';
import { formatMoney } from '../../format.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useI18n } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';

/**
 * The product page's action bar, fixed above the bottom navigation so the choices are always on
 * screen: "Buy alone" beside "Team of 3" (Pinduoduo's pair), or beside the flash price while a
 * sale runs. Each leads straight to the checkout of one unit, apart from the cart.
 */
export function BuyBar(props: {
  product: Product; inventory: Inventory | undefined; currency: string; flashBlocked: boolean;
  /** A product with options: the combination chosen, and the groups still to choose (which the bar says). */
  combination?: CombinationId | undefined; missing?: string[];
}) {
  const { product, inventory, currency, flashBlocked, combination, missing = [] } = props;
  const { t, intl } = useI18n();
  const now = useNow(1000);
  const money = (n: number) => formatMoney(n, currency, intl);
  const soldOut = inventory !== undefined && inventory.stock <= 0;
  const flash = product.flash && flashPhase(product.flash, inventory, now).phase === 'on' ? product.flash : undefined;
  const team = product.team;
  const choice = (label: string, price: string, go: () => void, disabled: boolean, primary: boolean) => (
    <button type="button" class={primary ? 'buy-choice primary' : 'buy-choice'} disabled={disabled} onClick={go}>
      <span class="buy-price">{price}</span>
      <span class="buy-label">{label}</span>
    </button>
  );
  const checkout = (extra: { team?: string; buy?: string }) => () => navigate({ name: 'checkout', product: product.id, ...extra, ...(combination && { combination }) });
  if (missing.length > 0) {
    return (
      <div class="buy-bar" role="group" aria-label={t('buy.label')}>
        {choice(t('options.choose', { groups: missing.join(t('options.and')) }), money(product.price), () => undefined, true, true)}
      </div>
    );
  }
  return (
    <div class="buy-bar" role="group" aria-label={t('buy.label')}>
      {choice(team || flash ? t('buy.alone') : t('buy.now'), money(product.price), checkout({ buy: 'regular' }), soldOut, !team && !flash)}
      {flash
        ? choice(t('buy.flash'), money(flash.price), checkout({ buy: 'flash' }), flashBlocked, true)
        : team && choice(t('buy.team', { size: team.size }), money(team.price), checkout({ team: 'start' }), soldOut, true)}
    </div>
  );
}
