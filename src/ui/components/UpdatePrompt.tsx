import { useEffect, useState } from 'preact/hooks';
import { applyUpdate, onTakenOver, onUpdateReady } from '../../app/register-sw.ts';
import { useI18n } from '../i18n/index.ts';

/**
 * Offers a waiting new version. The shell passes `quiet: false` during checkout, so an update
 * never interrupts a payment; the offer appears again once the person is done. A version that took
 * over this page (the word given in another tab, or carried out late) reloads it, checkout excepted.
 */
export function UpdatePrompt({ quiet }: { quiet: boolean }) {
  const { t } = useI18n();
  const [ready, setReady] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [takenOver, setTakenOver] = useState(false);
  useEffect(() => onUpdateReady(() => setReady(true)), []);
  useEffect(() => onTakenOver(() => setTakenOver(true)), []);
  useEffect(() => {
    if (takenOver && quiet) window.location.reload();
  }, [takenOver, quiet]);
  if (!ready || !quiet || dismissed) return null;
  return (
    <aside class="update-banner" aria-label={t('update.ready')}>
      <span>{t('update.ready')}</span>
      <button type="button" onClick={applyUpdate}>{t('update.reload')}</button>
      <button type="button" class="link" onClick={() => setDismissed(true)}>{t('update.later')}</button>
    </aside>
  );
}
