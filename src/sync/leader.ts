/**
 * One sync runner across the app's open tabs: each tab asks for the same Web Lock, the one
 * that holds it runs the runner until it closes (the browser releases a closed tab's lock,
 * and the next tab in line takes over). The others are told what happens on a
 * BroadcastChannel, and pass their own "sync now" to the runner through it.
 */
export interface TabMessage<S> {
  type: 'status' | 'wake';
  status?: S;
}

export interface Leadership<S> {
  /** Asks the runner (in whichever tab it is) to sync now. */
  wake(): void;
  /** Tells the other tabs (from the runner's tab). */
  announce(status: S): void;
  stop(): void;
}

export function lead<S>(
  name: string,
  run: (signal: AbortSignal) => Promise<void>,
  handlers: { onWake(): void; onStatus(status: S): void },
): Leadership<S> {
  const stop = new AbortController();
  const bus = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  let leading = false;
  bus?.addEventListener('message', (e: MessageEvent<TabMessage<S>>) => {
    if (e.data?.type === 'wake' && leading) handlers.onWake();
    if (e.data?.type === 'status' && e.data.status !== undefined) handlers.onStatus(e.data.status);
  });
  const hold = async () => {
    leading = true;
    try {
      await run(stop.signal);
    } finally {
      leading = false;
    }
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const held = locks ? locks.request(name, { signal: stop.signal }, hold) : hold();
  held.catch((error: unknown) => {
    if (!stop.signal.aborted) console.error('Sync stopped', error);
  });
  return {
    wake() {
      if (leading) handlers.onWake();
      else bus?.postMessage({ type: 'wake' } satisfies TabMessage<S>);
    },
    announce(status) {
      handlers.onStatus(status);
      bus?.postMessage({ type: 'status', status } satisfies TabMessage<S>);
    },
    stop() {
      stop.abort();
      bus?.close();
    },
  };
}
