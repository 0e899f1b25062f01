import { useId, useMemo, useState } from 'preact/hooks';
import { sellerCustomers } from '../../../app/queries/money.ts';
import { getShop } from '../../../app/queries/reads.ts';
import { useAction } from '../../hooks/use-action.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n } from '../../i18n/index.ts';
import { CustomerCard } from './CustomersCard.tsx';
import { CreditForm } from './CustomersCredit.tsx';
import '../account.css';
import './seller-money.css';

/** Customers shown at first, and added by each "Show more": a shop may know thousands. */
const PAGE = 30;

/**
 * Every buyer the shop knows on this device, with their wallet and escrow, orders and last
 * order; search by name; credit a wallet for money received outside the app; pay or decline
 * withdrawal requests. `#/seller/customers/<name>` opens with that name searched.
 */
export function CustomersTab({ section }: { section?: string | undefined }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const id = useId();
  const customers = useLive(() => sellerCustomers(app.store), [app]);
  const shop = useLive(() => getShop(app.store), [app]);
  const [query, setQuery] = useState(section ?? '');
  const [limit, setLimit] = useState(PAGE);
  const other = useAction();
  const q = query.trim().toLowerCase();
  const matching = useMemo(() => (customers ?? []).filter((c) => c.buyer.toLowerCase().includes(q)), [customers, q]);

  if (!customers || !shop) return <p role="status">{t('loading')}</p>;
  const shown = matching.slice(0, limit);
  const count = (n: number) => new Intl.NumberFormat(intl).format(n);

  return (
    <div class="acct acct-seller cust-tab">
      <section class="acct-section" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>
          {t('customers.title')} <span class="acct-count">({count(customers.length)})</span>
        </h3>
        <p class="acct-muted">{t('customers.intro')}</p>
        <div class="acct-field">
          <label for={`${id}-q`}>{t('customers.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            autoCapitalize="none"
            maxLength={100}
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setLimit(PAGE);
            }}
          />
        </div>
        <p class="acct-muted" role="status">
          {customers.length === 0 ? t('customers.empty')
            : matching.length === 0 ? t('customers.noMatch', { query: query.trim() })
            : matching.length > shown.length ? t('customers.showing', { shown: count(shown.length), count: count(matching.length) })
            : t('customers.count', { count: count(matching.length) })}
        </p>
        <ul class="cust-list stack">
          {shown.map((c) => (
            <li key={c.buyer}>
              <CustomerCard customer={c} shop={shop} />
            </li>
          ))}
        </ul>
        {matching.length > shown.length && (
          <button type="button" class="acct-btn" onClick={() => setLimit((n) => n + PAGE)}>{t('customers.showMore')}</button>
        )}
      </section>
      <details class="acct-card cust-other">
        <summary>{t('customers.other')}</summary>
        <CreditForm shop={shop} known={customers.map((c) => c.buyer)} action={other} />
        <LiveMessage message={other.message} />
      </details>
    </div>
  );
}
