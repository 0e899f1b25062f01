import type { EventId } from '../domain/index.ts';

/**
 * A UUIDv7: 48 bits of milliseconds, then random bits. Made on the device, so an event has
 * its id (its idempotency key) before any network is involved; time-ordered, so ids sort
 * roughly by when they were made, which keeps IndexedDB and CouchDB indexes compact.
 */
export function newEventId(now: number = Date.now(), random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b)): EventId {
  const bytes = new Uint8Array(16);
  random(bytes);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (bytes[6]! & 0x0f); // version 7
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // RFC 4122 variant
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` as EventId;
}
