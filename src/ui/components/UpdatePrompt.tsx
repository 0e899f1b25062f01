import { useEffect, useState } from 'preact/hooks';
import { applyUpdate, onUpdateReady } from '../../app/register-sw.ts';
import { useI18n } from '../i18n/index.ts';

/**
 * Offers a waiting new version. The shell passes `quiet: false` during checkout, so an update
 * never interrupts a payment; the offer appears again once the person is done.
 */
export function UpdatePrompt({ quiet }: { quiet: boolean }) {
  const { t } = useI18n();
  const [ready, setReady] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => onUpdateReady(() => setReady(true)), []);
  if (!ready || !quiet || dismissed) return null;
  return (
    <aside class="update-banner" aria-label={t('update.ready')}>
      <span>{t('update.ready')}</span>
      <button type="button" onClick={applyUpdate}>{t('update.reload')}</button>
      <button type="button" class="link" onClick={() => setDismissed(true)}>{t('update.later')}</button>
    </aside>
  );
}
