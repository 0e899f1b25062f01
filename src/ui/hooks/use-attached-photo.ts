import { useEffect, useState } from 'preact/hooks';
import { localPhotoBlob, remotePhotoUrl, type PhotoOrigin } from '../../app/queries/attached-photos.ts';
import { useApp } from './use-app.ts';

export type { PhotoOrigin };

/**
 * The address to show an attached photo (a message's, review's, claim's) from: this device's own
 * copy (an object URL, revoked when the component goes), else the shop's server (the buyer's
 * channel it went through, or the public catalog for a published review), where the browser's
 * request is answered by the service worker's cache once seen. Undefined while it is read, null
 * if it is nowhere to be had (the demo, a photo another device has not sent yet).
 */
export function useAttachedPhoto(ref: string, size: 'full' | 'thumb', origin: PhotoOrigin): string | null | undefined {
  const app = useApp();
  const [shown, setShown] = useState<{ key: string; url: string | null } | undefined>(undefined);
  const key = `${size} ${ref} ${origin === 'catalog' ? '' : origin.channel}`;
  useEffect(() => {
    let live = true;
    let url: string | undefined;
    const remote = () => remotePhotoUrl(app, origin, ref, size);
    localPhotoBlob(app.store, ref, size).then(
      (blob) => {
        if (!live) return;
        url = blob ? URL.createObjectURL(blob) : undefined;
        setShown({ key, url: url ?? remote() });
      },
      () => live && setShown({ key, url: remote() }),
    );
    return () => {
      live = false;
      if (url !== undefined) URL.revokeObjectURL(url);
    };
  }, [app, key]);
  return shown !== undefined && shown.key === key ? shown.url : undefined;
}
