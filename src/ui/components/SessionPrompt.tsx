import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { AccountError } from '../../app/sync/account-error.ts';
import { useApp } from '../hooks/use-app.ts';
import { useSyncStatus } from '../hooks/use-sync-status.ts';
import { loadAreas, useI18n, type StringKey } from '../i18n/index.ts';
import { isSeller } from '../../app/sync/remote.ts';
import { useNotifier } from '../hooks/use-notifier.ts';
import { asking, sessionEnded } from './session-ask.ts';

type Where = 'banner' | 'seller' | 'order' | 'settings';

const INTRO: Record<Where, StringKey> = {
  banner: 'session.ended',
  seller: 'session.endedSeller',
  order: 'session.endedOrder',
  settings: 'session.ended',
};

/**
 * Under the header, while the server has ended this device's session: the seller's device says
 * at once, on every screen, that the shop has stopped deciding; a buyer's shows the form when
 * the header's "Sign in to sync" is pressed (their waiting order's page asks by itself).
 */
export function Banner() {
  const app = useApp();
  // The one part of a real shop's shell mounted on every screen after the first (use-remote-part.ts),
  // so it also keeps the person's notifier running: not a byte of it on the first screen.
  useNotifier();
  const ended = sessionEnded(app, useSyncStatus()?.state);
  const [asked, setAsked] = useState(asking.asked);
  useEffect(() => {
    const open = () => setAsked(true);
    asking.listeners.add(open);
    return () => void asking.listeners.delete(open);
  }, []);
  useEffect(() => {
    if (ended) return;
    asking.asked = false;
    setAsked(false);
  }, [ended]);
  if (isSeller(app.account)) return <div class="session-banner"><SessionPrompt where="seller" /></div>;
  return asked ? <div class="session-banner"><SessionPrompt where="banner" /></div> : null;
}

/**
 * The password form, shown only while the server has ended this device's session: under the
 * header (Banner), on a waiting order's page, and in Settings. Signed in again, the
 * device sends what waits at once (no reload: its data and sync runner stay as they are).
 */
export function SessionPrompt({ where }: { where: Where }) {
  const app = useApp();
  const { t, locale } = useI18n();
  const status = useSyncStatus();
  const ended = sessionEnded(app, status?.state);
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<StringKey | undefined>(undefined);
  // Its words live with the server's (an order's page does not load them otherwise).
  const [strings, setStrings] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (ended) void loadAreas(locale, ['remote']).then(() => setStrings(locale));
  }, [ended, locale]);
  const shown = ended && strings !== undefined;
  // Under the header, the field takes the focus when "Sign in to sync" is pressed (now, or as it appears).
  useEffect(() => {
    if (!shown || (where !== 'banner' && where !== 'seller')) return;
    const focus = () => {
      if (!asking.focus || !field.current) return;
      field.current.focus();
      asking.focus = false;
    };
    focus();
    asking.listeners.add(focus);
    return () => void asking.listeners.delete(focus);
  }, [shown, where]);
  if (!shown) return null;
  const submit = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const { signInAgain } = await import('../../app/actions/sign-in-again.ts');
      await signInAgain(app, password);
      setPassword('');
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class={`session-prompt session-at-${where}`}
      aria-labelledby={`${id}-why`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {/* The seller's device says it as an alert: the shop has stopped deciding. */}
      <p id={`${id}-why`} role={where === 'seller' ? 'alert' : undefined}>{t(INTRO[where])}</p>
      {/* For password managers: whose password this is. */}
      <input type="text" name="username" autoComplete="username" value={app.account!.name} readOnly hidden />
      <label for={`${id}-pw`}>{t('session.password', { name: app.account!.name })}</label>
      <span class="session-row">
        <input ref={field} id={`${id}-pw`} type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy}>{t('session.signIn')}</button>
      </span>
      <p class="session-problem" aria-live="polite">{problem ? t(problem) : ''}</p>
    </form>
  );
}

function problemOf(error: unknown): StringKey {
  if (error instanceof AccountError && error.problem === 'wrong-password') return 'session.wrongPassword';
  if (error instanceof AccountError && error.problem === 'unreachable') return 'session.unreachable';
  return 'session.failed';
}
