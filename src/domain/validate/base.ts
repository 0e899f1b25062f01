import type { Millis } from '../catalog.ts';
import { ATTACHMENTS_VERSION, EVENT_VERSION, LATEST_VERSION, OPTIONS_VERSION, type EventVersion } from '../events.ts';
import type { EventId } from '../ids.ts';
import { type Check, describe, type Fields } from './check.ts';
import { id, time } from './scalars.ts';

export const eventId = id<EventId>();

/** A version newer than this app knows: the app should say to update rather than list field errors. */
export function isNewerVersion(x: unknown): boolean {
  return typeof x === 'number' && Number.isSafeInteger(x) && x > LATEST_VERSION;
}

/** Every version this app reads; the fields of the event are then read against it (see `optionsField`). */
export const version: Check<EventVersion> = (x, path, ctx) => {
  if (x !== EVENT_VERSION && x !== OPTIONS_VERSION && x !== ATTACHMENTS_VERSION) {
    ctx.add(path, isNewerVersion(x) ? `unsupported version ${String(x)}; update the app` : `must be ${EVENT_VERSION}, ${OPTIONS_VERSION} or ${ATTACHMENTS_VERSION}, got ${describe(x)}`);
    return EVENT_VERSION;
  }
  ctx.version = x;
  return x;
};

/** The fields every event has. Read first, so that what follows is read against the event's version. */
export function eventBase(f: Fields): { id: EventId; v: EventVersion; at: Millis } {
  return { id: f.req('id', eventId), v: f.req('v', version), at: f.req('at', time) };
}

/**
 * A field of options (groups, combinations, lines of them): only in an event of version 2 or
 * later, as an app that reads version 1 would refuse the field without saying why. A document
 * read on its own (a product in a backup, a form) has no version to keep to.
 */
export function optionsField<T>(check: Check<T>): Check<T> {
  return (x, path, ctx) => {
    // Version 3 holds everything version 2 does.
    if (ctx.version !== undefined && ctx.version < OPTIONS_VERSION) {
      ctx.add(path, `needs an event of version ${OPTIONS_VERSION} ("v": ${OPTIONS_VERSION}): this one says ${ctx.version}, which cannot hold options`);
    }
    return check(x, path, ctx);
  };
}

/**
 * A field of attachments (photos, a coupon card): only in an event of version 3, as an app that
 * reads versions 1–2 would refuse the field without saying why. Read on its own (a backup's
 * row), it has no version to keep to.
 */
export function attachmentsField<T>(check: Check<T>): Check<T> {
  return (x, path, ctx) => {
    if (ctx.version !== undefined && ctx.version < ATTACHMENTS_VERSION) {
      ctx.add(path, `needs an event of version ${ATTACHMENTS_VERSION} ("v": ${ATTACHMENTS_VERSION}): this one says ${ctx.version}, which cannot hold attachments`);
    }
    return check(x, path, ctx);
  };
}
