/** One customer: balances, orders, their withdrawal requests (Pay / Decline), and "Credit wallet". */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ShopProfile } from '../../../domain/index.ts';
import type { Customer } from '../../../app/queries/money.ts';
import { Price } from '../../components/Price.tsx';
import { isoTime } from '../../kit/labels.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { CreditForm } from './CustomersCredit.tsx';
import { WithdrawalCard } from './OrdersWithdrawals.tsx';

export function CustomerCard({ customer: c, shop }: { customer: Customer; shop: ShopProfile }) {
  const { t, intl } = useI18n();
  const id = useId();
  const action = useAction();
  const [crediting, setCrediting] = useState(false);
  // Closing the form (done or cancelled) puts focus back on the button that opened it.
  const opener = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || crediting) return;
    opener.current?.focus();
    setRefocus(false);
  }, [refocus, crediting]);
  return (
    <article class="acct-card cust" aria-labelledby={`${id}-name`}>
      <h4 id={`${id}-name`}>{c.buyer}</h4>
      <dl class="cust-figures">
        <div>
          <dt>{t('customers.available')}</dt>
          <dd><Price amount={c.available} currency={shop.currency} /></dd>
        </div>
        <div>
          <dt>{t('customers.escrow')}</dt>
          <dd><Price amount={c.escrow} currency={shop.currency} /></dd>
        </div>
        <div>
          <dt>{t('customers.orders')}</dt>
          <dd>{new Intl.NumberFormat(intl).format(c.orders)}</dd>
        </div>
        <div>
          <dt>{t('customers.lastOrder')}</dt>
          <dd>{c.lastOrderAt === undefined ? t('customers.noOrder') : <time dateTime={isoTime(c.lastOrderAt)}>{formatDate(c.lastOrderAt, intl)}</time>}</dd>
        </div>
      </dl>
      {c.pending.length > 0 && (
        <section class="acct-stack" aria-labelledby={`${id}-wd`}>
          <h5 id={`${id}-wd`} class="cust-sub">{t('customers.pending')} ({c.pending.length})</h5>
          {c.pending.map((w) => <WithdrawalCard key={w.id} w={w} shop={shop} action={action} />)}
        </section>
      )}
      {crediting ? (
        <CreditForm
          shop={shop}
          buyer={c.buyer}
          action={action}
          autoFocus
          onClose={() => {
            setCrediting(false);
            setRefocus(true);
          }}
        />
      ) : (
        <button ref={opener} type="button" class="acct-btn" aria-expanded="false" onClick={() => setCrediting(true)}>
          {t('customers.credit')}
        </button>
      )}
      <LiveMessage message={action.message} />
    </article>
  );
}
