/**
 * The server's clock, as seen through the `Date` header of its answers. Intents are stamped
 * with `sentAt` from it (the server's rules refuse a `sentAt` far from their own clock, and the
 * shop decides in that order), so a phone whose clock is wrong still sends honest times.
 *
 * `Date` has whole seconds: the offset is taken from the answer's midpoint and is good to
 * about a second, well inside the rules' few minutes.
 */
export class ServerClock {
  private offset: number | undefined;

  /** Records an answer's `Date` header, given when the request left and when the answer came. */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    const offset = offsetFrom(dateHeader, sentAt, receivedAt);
    if (offset !== undefined) this.offset = offset;
  }

  /** The server's time now, by this device's clock corrected by the last offset seen. */
  now(deviceNow: number = Date.now()): number {
    return deviceNow + (this.offset ?? 0);
  }
}

/** server time − device time, or undefined if the header is missing or unreadable. */
export function offsetFrom(dateHeader: string | null, sentAt: number, receivedAt: number): number | undefined {
  if (!dateHeader) return undefined;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return undefined;
  // The header is truncated to the second: its true value is on average half a second later.
  return server + 500 - (sentAt + receivedAt) / 2;
}
