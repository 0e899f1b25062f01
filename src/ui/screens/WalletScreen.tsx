import { useId, useState } from 'preact/hooks';
import type { Money } from '../../domain/index.ts';
import { myWithdrawals, walletHistory, type WalletLine, type WithdrawalView } from '../../app/queries/account.ts';
import { requestWithdrawal } from '../../app/actions/request-withdrawal.ts';
import { topUpDemoWallet } from '../../app/actions/top-up-demo-wallet.ts';
import { getShop } from '../../app/queries/reads.ts';
import { walletOf } from '../../app/queries/account.ts';
import { Price } from '../components/Price.tsx';
import { isoTime, orderNumber, walletKindText } from '../kit/labels.ts';
import { LiveMessage } from '../kit/LiveMessage.tsx';
import { useAction } from '../hooks/use-action.ts';
import { formatDateTime, formatMoney, parseMoney } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useLive } from '../hooks/use-live.ts';
import { useI18n } from '../i18n/index.ts';
import { href } from '../router.ts';
import './account.css';

/** Play-money amounts offered in the demo shop, in minor units. */
const TOP_UPS = [10_000, 50_000] as const;

/** The buyer's wallet: balances, a demo top-up, withdrawals, and the history of every movement. */
export function WalletScreen() {
  const app = useApp();
  const { t } = useI18n();
  const buyer = app.buyer();
  const wallet = useLive(() => walletOf(app.store, buyer), [app, buyer]);
  const shop = useLive(() => getShop(app.store), [app]);
  const history = useLive(() => walletHistory(app.store, buyer), [app, buyer]);
  const withdrawals = useLive(() => myWithdrawals(app.store, buyer), [app, buyer]);
  const currency = shop?.currency ?? 'CNY';

  return (
    <section class="acct" aria-labelledby="wallet-title">
      <h2 id="wallet-title">{t('wallet.title')}</h2>

      <section aria-labelledby="wallet-balances" class="acct-card">
        <h3 id="wallet-balances" class="acct-sr">{t('wallet.balances')}</h3>
        <dl class="acct-balances">
          <div>
            <dt>{t('wallet.available')}</dt>
            <dd>{wallet ? <Price amount={wallet.available} currency={currency} /> : '…'}</dd>
          </div>
          <div>
            <dt>{t('wallet.escrow')}</dt>
            <dd>{wallet ? <Price amount={wallet.escrow} currency={currency} /> : '…'}</dd>
          </div>
        </dl>
        <p class="acct-muted">{t('wallet.escrowNote')}</p>
      </section>

      {shop?.policies.demoTopUps && <TopUp currency={currency} />}
      {wallet && <Withdraw available={wallet.available} currency={currency} withdrawals={withdrawals ?? []} />}

      <section aria-labelledby="wallet-history">
        <h3 id="wallet-history">{t('wallet.history')}</h3>
        {history === undefined ? (
          <p>{t('loading')}</p>
        ) : history.length === 0 ? (
          <p>{t('wallet.noHistory')}</p>
        ) : (
          <ul class="acct-list acct-history stack">
            {history.map((line) => <HistoryLine key={line.id} line={line} currency={currency} />)}
          </ul>
        )}
      </section>
    </section>
  );
}

function TopUp({ currency }: { currency: string }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const action = useAction();
  return (
    <section aria-labelledby="wallet-topup" class="acct-card acct-play">
      <h3 id="wallet-topup">{t('wallet.topUp')}</h3>
      <p>{t('wallet.topUpNote')}</p>
      <div class="acct-row" role="group" aria-labelledby="wallet-topup">
        {TOP_UPS.map((amount) => {
          const text = formatMoney(amount, currency, intl);
          return (
            <button
              type="button"
              class="acct-btn"
              disabled={action.busy}
              onClick={() =>
                void action.run(
                  () => topUpDemoWallet(app, amount as Money),
                  t('wallet.topUpDone', { amount: text }),
                  t('wallet.topUpQueued', { amount: text }),
                )
              }
            >
              + {text}
            </button>
          );
        })}
      </div>
      <LiveMessage message={action.message} />
    </section>
  );
}

function Withdraw({ available, currency, withdrawals }: { available: Money; currency: string; withdrawals: WithdrawalView[] }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const id = useId();
  const action = useAction();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const max = formatMoney(available, currency, intl);

  const submit = async (e: Event) => {
    e.preventDefault();
    const amount = parseMoney(text, currency, intl);
    const problem =
      amount === undefined ? t('wallet.amountInvalid')
      : amount <= 0 ? t('wallet.amountZero')
      : amount > available ? t('wallet.amountTooMuch', { available: max })
      : '';
    setError(problem);
    if (problem || amount === undefined) return;
    const outcome = await action.run(() => requestWithdrawal(app, amount), t('wallet.withdrawDone', { amount: formatMoney(amount, currency, intl) }));
    if (outcome === 'done' || outcome === 'queued') setText('');
  };

  return (
    <section aria-labelledby="wallet-withdraw" class="acct-card">
      <h3 id="wallet-withdraw">{t('wallet.withdraw')}</h3>
      <p class="acct-muted">{t('wallet.withdrawNote')}</p>
      <form class="acct-form" onSubmit={submit} noValidate>
        <label for={`${id}-amount`}>{t('wallet.amount')}</label>
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          autoComplete="off"
          maxLength={20}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setError('');
          }}
          aria-invalid={error !== ''}
          aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
        />
        <p id={`${id}-hint`} class="acct-muted">{t('wallet.amountHint', { available: max })}</p>
        {error && <p id={`${id}-err`} class="acct-error">{error}</p>}
        <button type="submit" class="acct-btn acct-primary" disabled={action.busy}>{t('wallet.withdrawButton')}</button>
      </form>
      <LiveMessage message={action.message} />
      {withdrawals.length > 0 && (
        <>
          <h4>{t('wallet.withdrawals')}</h4>
          <ul class="acct-list stack">
            {withdrawals.map((w) => (
              <li key={w.id} class="acct-line">
                <span>
                  <Price amount={w.amount} currency={currency} />
                  <span class="acct-muted"> · <time dateTime={isoTime(w.requestedAt)}>{formatDateTime(w.requestedAt, intl)}</time></span>
                </span>
                <span>
                  {w.status === 'paid' ? t('wd.paid', { date: formatDateTime(w.settledAt ?? w.requestedAt, intl) })
                    : w.status === 'declined' ? t('wd.declined', { date: formatDateTime(w.settledAt ?? w.requestedAt, intl) })
                    : t(`wd.${w.status}` as const)}
                  {w.note && <span class="acct-note">{t('wd.note', { note: w.note })}</span>}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** "+¥5.00" / "−¥5.00": the sign spelled out, so a reader does not have to guess the direction. */
function Signed({ amount, currency }: { amount: number; currency: string }) {
  const sign = amount > 0 ? '+' : amount < 0 ? '−' : '';
  return (
    <span class={amount > 0 ? 'acct-plus' : amount < 0 ? 'acct-minus' : ''}>
      {sign}
      <Price amount={Math.abs(amount)} currency={currency} />
    </span>
  );
}

function HistoryLine({ line, currency }: { line: WalletLine; currency: string }) {
  const { t, intl } = useI18n();
  const credit = line.kind === 'wallet.credited' && line.message && line.message !== 'Demo top-up' ? line.message.replace(/^(cash|bank-transfer|other): /, '') : '';
  return (
    <li class="acct-line">
      <span>
        <span class="acct-strong">{walletKindText(t, line.kind, line.message)}</span>
        {credit && credit !== 'cash' && credit !== 'bank-transfer' && credit !== 'other' && <span class="acct-note">{credit}</span>}
        <span class="acct-muted">
          <time dateTime={isoTime(line.at)}>{formatDateTime(line.at, intl)}</time>
          {line.orderId && (
            <>
              {' · '}
              <a href={href({ name: 'order', id: line.orderId })}>{t('acct.orderNumber', { number: orderNumber(line.orderId) })}</a>
            </>
          )}
        </span>
      </span>
      <span class="acct-amounts">
        {line.available !== 0 && (
          <span>
            {t('wallet.availableChange')} <Signed amount={line.available} currency={currency} />
          </span>
        )}
        {line.escrow !== 0 && (
          <span>
            {t('wallet.escrowChange')} <Signed amount={line.escrow} currency={currency} />
          </span>
        )}
      </span>
    </li>
  );
}
