import { useEffect, useState } from 'preact/hooks';
import { useApp } from './use-app.ts';
import { loadAreas, useI18n } from '../i18n/index.ts';

type Parts = typeof import('../components/RemoteStatus.tsx');

/** Loaded once, the first time a real shop's device needs it (with the server's strings); the demo never does. */
let parts: Parts | undefined;

/**
 * What only a real shop's device shows in the shell (its sync's words in the header, the
 * password form under it when the session has ended): kept off the first screen's JavaScript.
 */
export function useRemotePart<K extends keyof Parts>(name: K): Parts[K] | undefined {
  const app = useApp();
  const { locale } = useI18n();
  const [, ready] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!app.remote) return;
    void Promise.all([import('../components/RemoteStatus.tsx'), loadAreas(locale, ['remote'])]).then(([m]) => {
      parts = m;
      ready(locale);
    });
  }, [app, locale]);
  return app.remote && parts ? parts[name] : undefined;
}

