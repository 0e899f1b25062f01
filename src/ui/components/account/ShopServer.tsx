import { useEffect, useId, useState } from 'preact/hooks';
import { connectShop } from '../../../app/actions/connect-shop.ts';
import { disconnectShop } from '../../../app/actions/disconnect-shop.ts';
import { signIn } from '../../../app/actions/sign-in.ts';
import { signOut } from '../../../app/actions/sign-out.ts';
import { signUp } from '../../../app/actions/sign-up.ts';
import { openDemoCatalog } from '../../../app/actions/open-demo-catalog.ts';
import { setAsideCount, setAsideItems, shopIsOpen } from '../../../app/sync/sync-queries.ts';
import { isSeller } from '../../../app/sync/remote.ts';
import { AccountError } from '../../../app/sync/account-error.ts';
import type { SyncStatus } from '../../../app/sync/sync-status.ts';
import { formatDateTime } from '../../format.ts';
import { useApp } from '../../hooks/use-app.ts';
import { useLive } from '../../hooks/use-live.ts';
import { useI18n, type I18n, type StringKey } from '../../i18n/index.ts';
import { SessionPrompt } from '../SessionPrompt.tsx';
import { errorText } from '../../kit/labels.ts';
import { LiveMessage } from '../../kit/LiveMessage.tsx';
import type { Message } from '../../hooks/use-action.ts';

/** The app starts again on the other shop's own database. */
const restart = () => location.reload();

/** Settings: which shop this device talks to (the demo, or a shop on a CouchDB server), the account, and sync. */
export function ShopServer() {
  const app = useApp();
  const { t } = useI18n();
  return (
    <section class="acct-card" aria-labelledby="settings-shop">
      <h3 id="settings-shop">{t('remote.title')}</h3>
      {app.remote ? <Connected /> : <Connect />}
    </section>
  );
}

function useSubmit(): [boolean, Message | undefined, (act: () => Promise<void>) => Promise<void>] {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const run = async (act: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await act();
      restart();
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof AccountError ? t(`remote.problem.${error.problem}` as StringKey) : errorText(t, error) });
      setBusy(false);
    }
  };
  return [busy, message, run];
}

function Connect() {
  const { t } = useI18n();
  const id = useId();
  const [url, setUrl] = useState('');
  const [shop, setShop] = useState('');
  const [busy, message, run] = useSubmit();
  return (
    <>
      <p class="acct-muted">{t('remote.demo')}</p>
      <form class="acct-form" noValidate onSubmit={(e) => { e.preventDefault(); void run(() => connectShop(url, shop)); }}>
        <label for={`${id}-url`}>{t('remote.url')}</label>
        <input id={`${id}-url`} type="url" inputMode="url" autoComplete="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <label for={`${id}-shop`}>{t('remote.shop')}</label>
        <input id={`${id}-shop`} autoComplete="off" autoCapitalize="none" value={shop} onInput={(e) => setShop(e.currentTarget.value)} />
        <button type="submit" class="acct-btn acct-primary" disabled={busy}>{t('remote.connect')}</button>
      </form>
      <LiveMessage message={message} />
    </>
  );
}

function Connected() {
  const app = useApp();
  const { t } = useI18n();
  const remote = app.remote!;
  const [busy, message, run] = useSubmit();
  return (
    <>
      <p>{t('remote.connected', { shop: remote.shop, url: remote.url })}</p>
      <SyncState />
      {app.account ? (
        <>
          <p>
            {t('remote.signedInAs', { name: app.account.name })}{' '}
            <button type="button" class="acct-btn" disabled={busy} onClick={() => void run(() => signOut(remote))}>{t('remote.signOut')}</button>
          </p>
          <SessionPrompt where="settings" />
        </>
      ) : (
        <SignIn />
      )}
      {isSeller(app.account) && <OpenShop />}
      <button type="button" class="acct-btn" disabled={busy} onClick={() => void run(disconnectShop)}>{t('remote.useDemo')}</button>
      <LiveMessage message={message} />
    </>
  );
}

/** A new shop on a server: the seller may start from the demo's catalog. */
function OpenShop() {
  const app = useApp();
  const { t } = useI18n();
  const open = useLive(() => shopIsOpen(app.store, app.remote!.shop), [app]);
  const [busy, setBusy] = useState(false);
  if (open !== false) return null;
  return (
    <p>
      {t('remote.newShop')}{' '}
      <button type="button" class="acct-btn acct-primary" disabled={busy} onClick={() => { setBusy(true); void openDemoCatalog(app).finally(() => setBusy(false)); }}>
        {t('remote.openDemoCatalog')}
      </button>
    </p>
  );
}

function SignIn() {
  const app = useApp();
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, message, run] = useSubmit();
  const remote = app.remote!;
  return (
    <form class="acct-form" noValidate onSubmit={(e) => { e.preventDefault(); void run(() => signIn(remote, name, password)); }}>
      <p class="acct-muted">{t('remote.signInWhy')}</p>
      <label for={`${id}-name`}>{t('remote.name')}</label>
      <input id={`${id}-name`} autoComplete="username" autoCapitalize="none" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <label for={`${id}-password`}>{t('remote.password')}</label>
      <input id={`${id}-password`} type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      <button type="submit" class="acct-btn acct-primary" disabled={busy}>{t('remote.signIn')}</button>
      <button type="button" class="acct-btn" disabled={busy} onClick={() => void run(() => signUp(remote, name, password))}>{t('remote.signUp')}</button>
      <LiveMessage message={message} />
    </form>
  );
}

function SyncState() {
  const app = useApp();
  const { t, intl } = useI18n();
  const [status, setStatus] = useState<SyncStatus | undefined>(() => app.syncStatus?.get());
  useEffect(() => app.syncStatus?.subscribe(setStatus), [app]);
  const setAside = useLive(() => setAsideCount(app.store), [app]) ?? 0;
  return (
    <div>
      <p role="status">{statusText(t, status)}</p>
      {status?.lastSyncedAt !== undefined && <p class="acct-muted">{t('remote.lastSynced', { time: formatDateTime(status.lastSyncedAt, intl) })}</p>}
      {setAside > 0 && <SetAside count={setAside} />}
      <button type="button" class="acct-btn" onClick={() => app.nudge()}>{t('remote.syncNow')}</button>
    </div>
  );
}

/** What the server sent that was not applied: for the seller, forgeries in buyers' channels. */
function SetAside({ count }: { count: number }) {
  const app = useApp();
  const { t, intl } = useI18n();
  const items = useLive(() => setAsideItems(app.store), [app, count]) ?? [];
  return (
    <details class="acct-error">
      <summary>{t('remote.setAside', { count })}</summary>
      <ul>
        {items.map(({ row, buyer }) => (
          <li key={row.key}>
            {buyer !== undefined ? t('remote.setAsideIn', { buyer }) : row.db} · {row.docId} · {formatDateTime(row.at, intl)}: {row.problems.join('; ')}
          </li>
        ))}
      </ul>
    </details>
  );
}

function statusText(t: I18n['t'], status: SyncStatus | undefined): string {
  if (!status) return t('remote.state.starting');
  if (status.state === 'standby') return t('remote.state.standby', { holder: status.message ?? '' });
  const text = t(`remote.state.${status.state}` as StringKey);
  // 'waiting' and 'signed-out' say it all; their messages are a developer's words (a database's name).
  return status.message && status.state === 'retrying' ? `${text} (${status.message})` : text;
}
