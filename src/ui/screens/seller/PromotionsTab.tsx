import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isPromotionLive, type Promotion, type ShopProfile } from '../../../domain/index.ts';
import { savePromotion } from '../../../app/actions/save-promotion.ts';
import { getShop } from '../../../app/queries/reads.ts';
import { listPromotions } from '../../../app/queries/seller-catalog.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import { useAction, type Message } from '../../hooks/use-action.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { href, navigate } from '../../router.ts';
import { PromotionForm } from './PromotionForm.tsx';
import '../account.css';
import './seller-catalog.css';

/**
 * The shop's promotions: spend-X-save-Y thresholds and coupon codes. `#/seller/promotions/new-threshold`
 * and `…/new-coupon` open a new one's form, `#/seller/promotions/<id>` a promotion's.
 */
export function PromotionsTab({ section }: { section?: string | undefined }) {
  const app = useApp();
  const { t } = useI18n();
  const shop = useLive(() => getShop(app.store), [app]);
  const promotions = useLive(() => listPromotions(app.store), [app]);
  const [saved, setSaved] = useState<Message | undefined>(undefined);
  if (shop === undefined || promotions === undefined) return <p role="status">{t('loading')}</p>;
  if (section !== undefined) {
    const kind = section === 'new-threshold' ? 'threshold' : section === 'new-coupon' ? 'coupon' : undefined;
    return (
      <PromotionForm
        key={section}
        promotion={kind ? undefined : promotions.find((p) => p.id === section)}
        kind={kind}
        promotions={promotions}
        shop={shop}
        onSaved={(text) => {
          setSaved({ tone: 'ok', text });
          navigate({ name: 'seller', tab: 'promotions' });
        }}
      />
    );
  }
  return <PromotionList promotions={promotions} shop={shop} saved={saved} />;
}

function PromotionList({ promotions, shop, saved }: { promotions: Promotion[]; shop: ShopProfile; saved: Message | undefined }) {
  const app = useApp();
  const { t } = useI18n();
  const id = useId();
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (saved) heading.current?.focus();
  }, []);
  const toggle = (p: Promotion) =>
    void action.run(
      () => savePromotion(app, { ...p, active: !p.active }),
      t(p.active ? 'promoForm.turnedOff' : 'promoForm.turnedOn', { label: p.label }),
    );
  const groups = [
    { kind: 'threshold' as const, title: t('promoForm.thresholds'), add: t('promoForm.addThreshold'), none: t('promoForm.noThresholds') },
    { kind: 'coupon' as const, title: t('promoForm.coupons'), add: t('promoForm.addCoupon'), none: t('promoForm.noCoupons') },
  ];
  return (
    <div class="acct sc">
      <h3 ref={heading} tabIndex={-1}>{t('promoForm.title')}</h3>
      <p class="acct-muted">{t('promoForm.intro')}</p>
      <LiveMessage message={action.message ?? saved} />
      {groups.map((g) => {
        const list = promotions.filter((p) => p.kind === g.kind);
        return (
          <section class="acct-section" aria-labelledby={`${id}-${g.kind}`}>
            <div class="sc-head">
              <h4 id={`${id}-${g.kind}`}>{g.title}</h4>
              <a class="acct-btn acct-primary" href={href({ name: 'seller', tab: 'promotions', section: `new-${g.kind}` })}>{g.add}</a>
            </div>
            {list.length === 0 ? <p class="acct-muted">{g.none}</p> : (
              <ul class="acct-list stack">
                {list.map((p) => <PromotionCard key={p.id} p={p} shop={shop} busy={action.busy} onToggle={() => toggle(p)} />)}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** A promotion in a line: what it gives, for whom, when. */
export function promotionSummary(t: I18n['t'], intl: string, p: Promotion, currency: string): string {
  const money = (m: number) => formatMoney(m, currency, intl);
  if (p.kind === 'threshold') {
    return t(p.repeat ? 'promoForm.sumThresholdRepeat' : 'promoForm.sumThreshold', { spend: money(p.spend), save: money(p.save) });
  }
  const off = p.save.kind === 'amount' ? money(p.save.amount) : `${p.save.percent}%`;
  const parts = [p.minSpend > 0 ? t('promoForm.sumCouponMin', { off, min: money(p.minSpend) }) : t('promoForm.sumCoupon', { off })];
  if (p.limit !== undefined) parts.push(t('promoForm.sumLimit', { count: p.limit }));
  if (p.perBuyerLimit !== undefined) parts.push(t('promoForm.sumPerBuyer', { count: p.perBuyerLimit }));
  return parts.join(' · ');
}

function PromotionCard({ p, shop, busy, onToggle }: { p: Promotion; shop: ShopProfile; busy: boolean; onToggle: () => void }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const now = app.now();
  const state = !p.active ? 'off' : isPromotionLive(p, now) ? 'live' : p.startsAt !== undefined && now < p.startsAt ? 'later' : 'over';
  const badge = { off: 'acct-badge-off', live: 'acct-badge-good', later: 'acct-badge-wait', over: 'acct-badge-off' }[state];
  const when = [
    p.startsAt !== undefined ? t('promoForm.from', { date: formatDateTime(p.startsAt, intl) }) : '',
    p.endsAt !== undefined ? t('promoForm.until', { date: formatDateTime(p.endsAt, intl) }) : '',
  ].filter(Boolean).join(' ');
  return (
    <li class="acct-card">
      <p class="acct-line">
        <span class="acct-strong">
          {p.kind === 'coupon' && <code class="sc-code">{p.code}</code>} {p.label}
        </span>
        <span class={`acct-badge ${badge}`}>{t(`promoForm.state.${state}` as const)}</span>
      </p>
      <p>{promotionSummary(t, intl, p, shop.currency)}</p>
      {when && <p class="acct-muted">{when}</p>}
      <div class="acct-row">
        <a class="acct-btn" href={href({ name: 'seller', tab: 'promotions', section: p.id })} aria-label={t('promoForm.editName', { label: p.label })}>
          {t('catalogForm.edit')}
        </a>
        <button type="button" class="acct-btn" disabled={busy} aria-label={t(p.active ? 'promoForm.turnOffName' : 'promoForm.turnOnName', { label: p.label })} onClick={onToggle}>
          {t(p.active ? 'promoForm.turnOff' : 'promoForm.turnOn')}
        </button>
      </div>
    </li>
  );
}
