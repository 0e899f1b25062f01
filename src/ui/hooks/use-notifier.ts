import { useEffect } from 'preact/hooks';
import { useApp } from './use-app.ts';
import { useI18n } from '../i18n/index.ts';
import { ensureNotifier } from '../notify/notifier.ts';

/**
 * Keeps this page's notifier of the person's Updates running (notifier.ts: only where the browser
 * lets the app notify). Used by what is mounted on every screen of a real shop's device, and by
 * the Updates list (in the demo, the notifier starts there, when the person turns it on or opens it).
 */
export function useNotifier(): void {
  const app = useApp();
  const { locale } = useI18n();
  const buyer = app.buyer();
  useEffect(() => void ensureNotifier(app, locale), [app, buyer, locale]);
}
