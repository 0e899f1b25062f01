import { homeOffers } from '../../../app/queries/home-offers.ts';
import { getShop } from '../../../app/queries/reads.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useI18n } from '../../i18n/index.ts';
import { FlashStrip } from './FlashStrip.tsx';
import { ShopOffers } from './ShopOffers.tsx';
import { TeamStrip } from './TeamStrip.tsx';

/**
 * The buyer's home, above the catalog's grid: what the shop promotes now, as the shop apps
 * buyers know (Taobao, Pinduoduo, Shopee) put it first: the flash sale with its countdown, team
 * buys still open, the spend-and-save offers and the coupons to claim. Loaded after the first
 * screen (its own chunk and strings); the catalog reserves its space meanwhile (home.css, loaded with the app's
 * styles by main.tsx: a stylesheet of its own would add to the first screen's list of files to preload).
 */
export function HomePromos() {
  const { t } = useI18n();
  const app = useApp();
  const buyer = app.buyer();
  // A sale that starts or ends, or a team whose time runs out, changes what is promoted: read again each minute.
  const minute = Math.floor(useNow(60_000) / 60_000);
  const data = useLive(async () => {
    const [offers, shop] = await Promise.all([homeOffers(app.store, buyer, app.now()), getShop(app.store)]);
    return { offers, currency: shop?.currency ?? 'CNY' };
  }, [app, buyer, minute]);
  if (data === undefined) return <div class="home home-waiting" />;
  const { offers, currency } = data;
  const any = offers.flash.length + offers.teams.length + offers.thresholds.length + offers.coupons.length > 0;
  if (!any) return null;
  return (
    <section class="home" aria-labelledby="home-title">
      <h2 id="home-title" class="sr-only">
        {t('deals.title')}
      </h2>
      {offers.flash.length > 0 && <FlashStrip items={offers.flash} currency={currency} />}
      {offers.teams.length > 0 && <TeamStrip teams={offers.teams} currency={currency} />}
      {offers.thresholds.length + offers.coupons.length > 0 && (
        <ShopOffers thresholds={offers.thresholds} coupons={offers.coupons} currency={currency} />
      )}
    </section>
  );
}
