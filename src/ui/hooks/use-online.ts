import { useEffect, useState } from 'preact/hooks';

/** Whether the browser thinks it is online (a hint only: the app never waits on it). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    // The link may have changed between the first render and now (an effect runs a frame
    // later, and a page just loaded can go offline in between): read it again.
    update();
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
