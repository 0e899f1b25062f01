import { useEffect, useState } from 'preact/hooks';
import { applyUpdate, onUpdateReady } from '../app/register-sw.ts';

// Asks before a new version takes over, so an update never lands mid-checkout.
export function UpdatePrompt() {
  const [ready, setReady] = useState(false);
  useEffect(() => onUpdateReady(() => setReady(true)), []);
  if (!ready) return null;
  return (
    <aside class="update-banner" aria-label="Update available">
      <span>Update available</span>
      <button type="button" onClick={applyUpdate}>
        Reload to update
      </button>
    </aside>
  );
}
