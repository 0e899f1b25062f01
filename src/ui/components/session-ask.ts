/**
 * When the server has ended this device's session (a phone offline for longer than the
 * server's session lifetime), the app asks for the password where the person is looking. The
 * little of it the first screen carries (the form loads when it is needed): whether the session
 * has ended, and the header's "Sign in to sync", which opens the form under the header.
 */
import type { RunningApp } from '../../app/context.ts';

export function sessionEnded(app: RunningApp, state: string | undefined): boolean {
  return app.remote !== null && app.account !== null && state === 'signed-out';
}

/** Whether "Sign in to sync" was pressed (until the session is back), and who listens for it. */
export const asking = { asked: false, focus: false, listeners: new Set<() => void>() };

export function askToSignIn(): void {
  asking.asked = true;
  asking.focus = true;
  for (const l of asking.listeners) l();
}
