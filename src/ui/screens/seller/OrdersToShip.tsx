/**
 * Orders to ship: each with its carrier and tracking number, or many at once ("Ship selected":
 * one carrier for all, each order keeping the tracking number typed on its card). A bulk
 * shipment says how many went and names any the shop refused, and why.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { EventId, Order, OrderId, ShopProfile } from '../../../domain/index.ts';
import { shipOrder } from '../../../app/actions/ship-order.ts';
import { decisionOn } from '../../../app/queries/my-orders.ts';
import { errorText, orderNumber, reasonText } from '../../kit/labels.ts';
import { useAction } from '../../hooks/use-action.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useI18n } from '../../i18n/index.ts';
import { OrderCard, Section } from './orders-parts.tsx';

interface ShipFields {
  carrier: string;
  tracking: string;
}

export function ToShip({ orders, shop }: { orders: Order[]; shop: ShopProfile }) {
  const app = useApp();
  const { t } = useI18n();
  const action = useAction();
  const id = useId();
  const [fields, setFields] = useState<Record<string, ShipFields>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkCarrier, setBulkCarrier] = useState('');
  const [bulkError, setBulkError] = useState('');
  const [bulkBusy, setBulkBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const busy = action.busy || bulkBusy;
  const get = (o: Order) => fields[o.id] ?? { carrier: '', tracking: '' };
  const set = (o: Order, patch: Partial<ShipFields>) => setFields((f) => ({ ...f, [o.id]: { ...get(o), ...patch } }));
  // Orders shipped meanwhile (here or in another tab) drop out of the selection.
  const chosen = orders.filter((o) => selected.has(o.id));
  // Each order ships with the tracking number typed on its card; those without one are named before shipping.
  const missing = chosen.filter((o) => get(o).tracking.trim() === '');
  const select = (ids: Iterable<OrderId>, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const x of ids) {
        if (on) next.add(x);
        else next.delete(x);
      }
      return next;
    });

  const shipOne = async (o: Order) => {
    const { carrier, tracking } = get(o);
    if (carrier.trim() === '') {
      setErrors((e) => ({ ...e, [o.id]: t('seller.carrierRequired') }));
      return;
    }
    await action.run(() => shipOrder(app, o.id, carrier, tracking), t('seller.shipped', { number: orderNumber(o.id) }));
  };

  const shipSelected = async () => {
    if (chosen.length === 0) return setBulkError(t('seller.selectSome'));
    if (bulkCarrier.trim() === '') return setBulkError(t('seller.carrierRequired'));
    setBulkError('');
    setBulkBusy(true);
    action.setMessage(undefined);
    try {
      // Queued one after the other (each in its own transaction), decided by the shop together.
      const sent: [Order, EventId][] = [];
      for (const o of chosen) sent.push([o, await shipOrder(app, o.id, bulkCarrier, get(o).tracking)]);
      await app.settle();
      const decided = await Promise.all(sent.map(([, intent]) => decisionOn(app.store, intent)));
      const refused: string[] = [];
      const kept = new Set<string>();
      let waiting = 0;
      decided.forEach((d, i) => {
        const o = sent[i]![0];
        if (d === undefined) waiting += 1;
        else if (d.type === 'decision' && d.kind === 'intent.rejected') {
          refused.push(`${orderNumber(o.id)}: ${reasonText(t, d.reason, d.message)}`);
          kept.add(o.id);
        }
      });
      const shipped = sent.length - refused.length - waiting;
      if (refused.length > 0) action.setMessage({ tone: 'error', text: t('seller.shippedSome', { count: shipped, list: refused.join('; ') }) });
      else if (waiting > 0) action.follow(sent.map(([, intent]) => intent), t('seller.shippedMany', { count: shipped + waiting }));
      else action.setMessage({ tone: 'ok', text: t('seller.shippedMany', { count: shipped }) });
      setSelected(kept);
    } catch (error) {
      action.setMessage({ tone: 'error', text: errorText(t, error) });
    } finally {
      setBulkBusy(false);
    }
  };

  return (
    <Section tab="to-ship" title={t('seller.toShip')} count={orders.length} message={action.message}>
      {orders.length > 1 && (
        <form
          class="acct-card acct-form acct-bulk"
          aria-label={t('seller.bulk')}
          onSubmit={(e) => {
            e.preventDefault();
            void shipSelected();
          }}
        >
          <h4>{t('seller.bulk')}</h4>
          <SelectAll count={orders.length} chosen={chosen.length} onChange={(on) => select(orders.map((o) => o.id), on)} />
          <label for={`${id}-bulk`}>{t('seller.bulkCarrier')}</label>
          <input id={`${id}-bulk`} value={bulkCarrier} maxLength={80} onInput={(e) => setBulkCarrier(e.currentTarget.value)} />
          <p class="acct-muted">{t('seller.bulkNote')}</p>
          {bulkError && <p class="acct-error">{bulkError}</p>}
          {missing.length > 0 && <p class="acct-muted">{t('orders.bulkMissing', { list: missing.map((o) => orderNumber(o.id)).join(', ') })}</p>}
          {/* Nothing selected: a plain button that cannot be pressed, not the screen's main action. */}
          <button type="submit" class={chosen.length > 0 ? 'acct-btn acct-primary' : 'acct-btn'} disabled={busy || chosen.length === 0}>
            {t('seller.shipSelected', { count: chosen.length })}
          </button>
        </form>
      )}
      {orders.map((o) => (
        <OrderCard
          key={o.id}
          order={o}
          shop={shop}
          extra={
            orders.length > 1 && (
              <label class="acct-check">
                <input type="checkbox" checked={selected.has(o.id)} onChange={(e) => select([o.id], e.currentTarget.checked)} />
                {t('seller.select', { number: orderNumber(o.id) })}
              </label>
            )
          }
        >
          <form
            class="acct-form acct-ship"
            onSubmit={(e) => {
              e.preventDefault();
              void shipOne(o);
            }}
          >
            <label>
              {t('seller.carrier')}
              <input
                value={get(o).carrier}
                maxLength={80}
                aria-invalid={errors[o.id] ? true : undefined}
                onInput={(e) => {
                  set(o, { carrier: e.currentTarget.value });
                  setErrors((x) => ({ ...x, [o.id]: '' }));
                }}
              />
            </label>
            <label>
              {t('seller.tracking')}
              <input value={get(o).tracking} maxLength={80} onInput={(e) => set(o, { tracking: e.currentTarget.value })} />
            </label>
            {errors[o.id] && <p class="acct-error">{errors[o.id]}</p>}
            <button type="submit" class="acct-btn acct-primary" disabled={busy}>{t('seller.ship')}</button>
          </form>
        </OrderCard>
      ))}
    </Section>
  );
}

/** "Select all": checked when every order is, half-checked (indeterminate, which screen readers say as "mixed") when some are. */
function SelectAll({ count, chosen, onChange }: { count: number; chosen: number; onChange: (on: boolean) => void }) {
  const { t } = useI18n();
  const box = useRef<HTMLInputElement>(null);
  const some = chosen > 0 && chosen < count;
  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);
  return (
    <label class="acct-check">
      <input ref={box} type="checkbox" checked={chosen === count} onChange={(e) => onChange(e.currentTarget.checked)} />
      {t('seller.selectAll', { count })}
    </label>
  );
}
