import type { Millis } from '../catalog.ts';
import { EVENT_VERSION } from '../events.ts';
import type { EventId } from '../ids.ts';
import { type Check, describe, type Fields } from './check.ts';
import { id, time } from './scalars.ts';

export const eventId = id<EventId>();

/** A version newer than this app knows: the app should say to update rather than list field errors. */
export function isNewerVersion(x: unknown): boolean {
  return typeof x === 'number' && Number.isSafeInteger(x) && x > EVENT_VERSION;
}

export const version: Check<typeof EVENT_VERSION> = (x, path, ctx) => {
  if (x !== EVENT_VERSION) {
    ctx.add(path, isNewerVersion(x) ? `unsupported version ${String(x)}; update the app` : `must be ${EVENT_VERSION}, got ${describe(x)}`);
  }
  return EVENT_VERSION;
};

/** The fields every event has. */
export function eventBase(f: Fields): { id: EventId; v: typeof EVENT_VERSION; at: Millis } {
  return { id: f.req('id', eventId), v: f.req('v', version), at: f.req('at', time) };
}
