/**
 * The validator for messages and read receipts (src/domain/messages.ts), for what arrives from a
 * channel and for what the app is about to store: text 1 to 2,000 characters (never blank),
 * at most one thing it is about, up to 3 photos (then the text may be empty), nothing else.
 */
import { ATTACHMENTS_VERSION } from '../event-base.ts';
import { MESSAGE_MAX_CHARS, MESSAGE_VERSION, type MessageAbout, type MessageEvent, type MessageVersion } from '../messages.ts';
import type { ProductId } from '../ids.ts';
import type { Result } from '../result.ts';
import { attachmentsField, eventBase, isNewerVersion } from './base.ts';
import { type Check, child, fields, none, run } from './check.ts';
import { buyerId, orderId } from './order.ts';
import { CODE, id, oneOf, PHOTO_LIST, text, time } from './scalars.ts';

const MESSAGE_TEXT = text({ max: MESSAGE_MAX_CHARS, required: true, multiline: true });
/** Beside photos, a message may say nothing. */
const PHOTO_CAPTION = text({ max: MESSAGE_MAX_CHARS, multiline: true });
const productId = id<ProductId>();
/** A coupon card's code: what a promotion's code may be (validate/catalog.ts). */
const couponCode = CODE;

const about: Check<MessageAbout> = (x, path, ctx) => {
  const f = fields(x, path, ctx);
  if (f.peek('product') !== undefined) return f.end({ product: f.req('product', productId) });
  if (f.peek('order') !== undefined) return f.end({ order: f.req('order', orderId) });
  if (f.peek('coupon') !== undefined) return f.end({ coupon: f.req('coupon', attachmentsField(couponCode)) });
  ctx.add(path, 'must name a product, an order or a coupon');
  return none();
};

const message: Check<MessageEvent> = (x, path, ctx) => {
  const f = fields(x, path, ctx, true);
  const peeked = f.peek('v');
  if (isNewerVersion(peeked)) {
    ctx.add(child(path, 'v'), `unsupported version ${String(peeked)}; update the app`);
    return none();
  }
  const { v, ...envelope } = eventBase(f);
  // Version 2 adds options, which a message never has; 3 adds attachments (photos, a coupon card).
  if (v !== undefined && v !== MESSAGE_VERSION && v !== ATTACHMENTS_VERSION) {
    ctx.add(child(path, 'v'), `must be ${MESSAGE_VERSION} or ${ATTACHMENTS_VERSION} for a message, got ${String(v)}`);
  }
  const base = {
    ...envelope,
    v: (v === ATTACHMENTS_VERSION ? ATTACHMENTS_VERSION : MESSAGE_VERSION) as MessageVersion,
    type: f.req('type', oneOf(['message'] as const)),
    from: f.req('from', oneOf(['buyer', 'seller'] as const)),
    buyer: f.req('buyer', buyerId),
    sentAt: f.req('sentAt', time),
  };
  const kind = f.req('kind', oneOf(['message.send', 'message.read'] as const));
  if (kind === 'message.send') {
    const photos = f.opt('photos', attachmentsField(PHOTO_LIST));
    return f.end({ ...base, kind, text: f.req('text', photos.photos ? PHOTO_CAPTION : MESSAGE_TEXT), ...f.opt('about', about), ...photos });
  }
  if (kind === 'message.read') return f.end({ ...base, kind, upTo: f.req('upTo', time) });
  return none();
};

/** A message or a read receipt, as a new clean value, or every problem found. */
export const validateMessage = (doc: unknown): Result<MessageEvent> => run(doc, message);
