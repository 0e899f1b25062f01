/**
 * A product's sales by combination, on request (issue 13): a toggle under the product's bar in
 * "Sales by product" opens its combinations' figures, read only then, which add up to the
 * product's (engines/dashboard/by-combination.ts).
 */
import { useState } from 'preact/hooks';
import type { ProductId } from '../../../domain/index.ts';
import { combinationSales } from '../../../app/queries/money-sales.ts';
import type { Period } from '../../../engines/dashboard/summary.ts';
import { BarList } from '../../components/seller/chart/BarList.tsx';
import { formatMoney } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';

export function CombinationSales({ productId, name, period, currency }: { productId: ProductId; name: string; period: Period; currency: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = `money-combos-${productId}`;
  return (
    <div class="money-combos">
      <button
        type="button" class="link money-combos-toggle" aria-label={t('money.byCombinationFor', { name })}
        aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {t('money.byCombination')}
      </button>
      {open && <Rows id={id} productId={productId} name={name} period={period} currency={currency} />}
    </div>
  );
}

function Rows({ id, productId, name, period, currency }: { id: string; productId: ProductId; name: string; period: Period; currency: string }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const rows = useLive(() => combinationSales(app.store, period, productId, app.now()), [app, period, productId]);
  if (rows === undefined) return <p id={id} role="status">{t('loading')}</p>;
  const money = (x: number) => formatMoney(x, currency, intl);
  const units = new Intl.NumberFormat(intl);
  return (
    <div id={id} class="money-combos-list">
      <BarList
        label={t('money.byCombinationOf', { name })}
        format={money}
        items={rows.map((r) => ({
          key: r.combination ?? '~none',
          label: r.name || t('money.noCombination'),
          value: r.revenue,
          note: t('money.unitsSold', { count: units.format(r.units) }),
        }))}
      />
    </div>
  );
}
