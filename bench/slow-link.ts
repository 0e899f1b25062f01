/**
 * An emulated slow link for Node benches: a `fetch` that holds each answer back by the round
 * trip plus the request's bytes over the uplink and the answer's bytes over the downlink, so
 * what is measured around a pull is the time it would take (requests in turn, as our sync
 * makes them), not a formula applied afterwards. Chromium's own emulation (CDP) is what the
 * browser benches use; this is its counterpart where the code under test runs in Node.
 *
 * Bytes counted: the request line, headers and body going up; the status line, headers and
 * body coming down (the body as received: CouchDB 3.5 sends JSON uncompressed, and the note
 * says so if an answer came encoded). No TCP or TLS handshakes (one kept-alive connection).
 */

export interface LinkShape {
  /** Round trip, ms: each request waits it once. */
  rttMs: number;
  downKbit: number;
  upKbit: number;
}

/** Chrome DevTools' "slow 2G" preset, as the issue gives it. */
export const SLOW_2G: LinkShape = { rttMs: 300, downKbit: 250, upKbit: 50 };

export interface LinkCount {
  requests: number;
  /** Bytes down (status line, headers, body). */
  down: number;
  /** Bytes up (request line, headers, body). */
  up: number;
  /** The answers' bodies alone. */
  bodies: number;
  /** Milliseconds the link held answers back, in all. */
  heldMs: number;
  /** Some answer came with a Content-Encoding (its body is counted as received, decoded). */
  encoded: boolean;
}

function headerBytes(headers: Headers | Record<string, string> | undefined): number {
  if (!headers) return 0;
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return entries.reduce((sum, [k, v]) => sum + k.length + v.length + 4, 0);
}

function bodyBytes(body: unknown): number {
  if (body === undefined || body === null) return 0;
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return body.byteLength;
  throw new Error('slow-link: count this kind of request body');
}

function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** A fetch over `link`, and what went over it. */
export function slowFetch(link: LinkShape = SLOW_2G): { fetch: typeof fetch; count: LinkCount } {
  const count: LinkCount = { requests: 0, down: 0, up: 0, bodies: 0, heldMs: 0, encoded: false };
  const slow: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const up = `${method} ${new URL(url).pathname}${new URL(url).search} HTTP/1.1\r\n`.length
      + headerBytes(init?.headers as Record<string, string> | undefined) + 2 + bodyBytes(init?.body);
    const res = await fetch(input, init);
    const body = new Uint8Array(await res.arrayBuffer());
    const down = `HTTP/1.1 ${res.status} ${res.statusText}\r\n`.length + headerBytes(res.headers) + 2 + body.byteLength;
    const heldMs = link.rttMs + (up * 8) / link.upKbit + (down * 8) / link.downKbit;
    count.requests += 1;
    count.up += up;
    count.down += down;
    count.bodies += body.byteLength;
    count.heldMs += heldMs;
    if (res.headers.has('content-encoding')) count.encoded = true;
    await wait(heldMs, init?.signal);
    return new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  return { fetch: slow, count };
}
