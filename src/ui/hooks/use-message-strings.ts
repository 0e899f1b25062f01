import { useEffect, useState } from 'preact/hooks';
import { loadAreas, useI18n } from '../i18n/index.ts';

/**
 * Loads the messages' strings (their own area) for a component mounted on a screen that did not
 * ask for them; true once they are there. Loaded once per language, then at once.
 */
export function useMessageStrings(): boolean {
  const { locale } = useI18n();
  const [ready, setReady] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadAreas(locale, ['messages']).then(() => live && setReady(locale));
    return () => {
      live = false;
    };
  }, [locale]);
  return ready === locale;
}
