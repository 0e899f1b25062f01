import type { Millis } from './catalog.ts';
import type { EventId } from './ids.ts';

/**
 * Every thing a person does is an immutable event with an id made on the device; that id is
 * the idempotency key. `v` is the shape's version: a newer app may add versions, and a
 * validator refuses any it does not know rather than guess ("update the app").
 *
 * Version 1 is every event about products without options, exactly as before options existed;
 * version 2 (`OPTIONS_VERSION`) is an event that carries options, combinations or lines of
 * them. An event is stamped with the lowest version that can hold it (`eventVersion`), so an
 * app that knows only version 1 keeps reading everything but what it could not understand, and
 * says to update for that; validators refuse option fields in a version 1 event.
 */
export const EVENT_VERSION = 1;
export const OPTIONS_VERSION = 2;
/**
 * Version 3: an event that carries attachments: photos (on a message, a review, a counterfeit
 * claim, and the order or review that keeps them) or a coupon card on a message. An app of
 * versions 1–2 says "update the app" for it, rather than "unknown field".
 */
export const ATTACHMENTS_VERSION = 3;
/** The newest version this app reads and writes. */
export const LATEST_VERSION = ATTACHMENTS_VERSION;
export type EventVersion = typeof EVENT_VERSION | typeof OPTIONS_VERSION | typeof ATTACHMENTS_VERSION;

export interface EventBase {
  id: EventId;
  v: EventVersion;
  /** When it was made, by the device's clock (shown to people, never trusted for order). */
  at: Millis;
}
