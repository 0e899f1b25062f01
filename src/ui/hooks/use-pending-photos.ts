import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { forgetAttachedPhotos } from '../../app/actions/attach-photo.ts';
import { useApp } from './use-app.ts';

/**
 * The photos a form has attached but not sent yet (a message, a review, a claim). They are stored
 * as they are picked (attach-photo.ts); those the person gives up (the form cancelled, or left
 * with them unsent) are forgotten, so no photo stays on the device that nothing names. Once sent,
 * they belong to the event that names them and are never forgotten here.
 */
export function usePendingPhotos(): { photos: string[]; setPhotos: (next: string[]) => void; sent: () => void; drop: () => void } {
  const app = useApp();
  const [photos, setState] = useState<string[]>([]);
  // Kept in step at once (not at the next render): a form that closes right after sending must
  // not forget what it sent.
  const pending = useRef<string[]>([]);
  const setPhotos = useCallback((next: string[]) => {
    pending.current = next;
    setState(next);
  }, []);
  const sent = useCallback(() => setPhotos([]), [setPhotos]);
  const drop = useCallback(() => {
    const gone = pending.current;
    setPhotos([]);
    if (gone.length > 0) void forgetAttachedPhotos(app, gone).catch(() => undefined);
  }, [app, setPhotos]);
  useEffect(() => () => {
    if (pending.current.length > 0) void forgetAttachedPhotos(app, pending.current).catch(() => undefined);
  }, [app]);
  return { photos, setPhotos, sent, drop };
}
