import { clearViewed } from '../../storage/saved.ts';
import type { Saver } from './save-for-later.ts';

/** Forgets what the person using the app viewed (no one else's). */
export function clearRecentlyViewed(app: Saver): Promise<void> {
  return clearViewed(app.store, app.person());
}
