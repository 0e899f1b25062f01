import { useEffect, useState } from 'preact/hooks';

// Whether the browser thinks it has a network. Only a hint (a captive portal says
// "online"): the app never waits on it, it just tells the person what to expect.
export function OnlineStatus() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return (
    <span role="status" class={online ? 'net net-online' : 'net net-offline'}>
      {online ? 'Online' : 'Offline'}
    </span>
  );
}
