import { useEffect } from 'preact/hooks';
import { NEW_SHOP } from '../../../engines/forms/shop-form.ts';
import { getShop } from '../../../app/queries/reads.ts';
import { ShareQr } from '../../components/seller/ShareQr.tsx';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { shareUrl } from '../../router.ts';
import { ShopForm } from './ShopForm.tsx';
import '../account.css';
import './seller-catalog.css';

/** The shop's profile and policies, and "share the shop" (`#/seller/shop/share` goes straight to it). */
export function ShopTab({ section }: { section?: string | undefined }) {
  const app = useApp();
  const { t } = useI18n();
  // null: no shop saved yet (a new shop starts from sensible defaults).
  const shop = useLive(async () => (await getShop(app.store)) ?? null, [app]);
  useEffect(() => {
    if (section !== 'share' || shop === undefined) return;
    const heading = document.getElementById('share-shop');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, [section, shop !== undefined]);
  if (shop === undefined) return <p role="status">{t('loading')}</p>;
  const name = shop?.name ?? '';
  return (
    <div class="acct sc">
      <ShopForm shop={shop ?? NEW_SHOP} />
      <section class="acct-section acct-card" aria-labelledby="share-shop">
        <h3 id="share-shop" tabIndex={-1}>{t('share.shopTitle')}</h3>
        <p class="acct-muted">{t('share.shopIntro')}</p>
        <ShareQr
          url={shareUrl({ name: 'catalog' })}
          title={name || t('share.theShop')}
          text={t('share.shopText', { name: name || t('share.theShop') })}
          what={name || t('share.theShop')}
        />
      </section>
    </div>
  );
}
