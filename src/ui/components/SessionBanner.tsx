import { useRemotePart } from '../hooks/use-remote-part.ts';

/** Under the header, while the server has ended this device's session (see SessionPrompt.tsx). */
export function SessionBanner() {
  const Banner = useRemotePart('Banner');
  return Banner ? <Banner /> : null;
}
