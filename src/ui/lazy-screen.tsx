import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadAreas, useI18n, type Area } from './i18n/index.ts';

/**
 * A screen loaded when first shown, so the first screen ships only what it needs. The
 * service worker precaches every chunk, so this works offline like the rest. A `quiet` part
 * (a banner, a card's heart) shows nothing until it has arrived rather than "Loading".
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>, areas: readonly Area[], quiet?: boolean): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function LazyScreen(props: P) {
    const { t, locale } = useI18n();
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      // The screen's code and its strings, in parallel.
      loading ??= Promise.all([load(), loadAreas(locale, areas)]).then(([c]) => (loaded = c));
      void loading.then(() => live && setReady(true));
      return () => {
        live = false;
      };
    }, [locale]);
    if (!loaded) return quiet ? null : <p role="status">{t('loading')}</p>;
    const Screen = loaded;
    return <Screen {...props} />;
  };
}
