/**
 * Strings of the buyer's own screens and the seller's inbox: orders, wallet, team, settings.
 * One area, in parts by screen (account/*.ts); here the header's menu, order states and reasons.
 */
import { orderStrings } from './account/order.ts';
import { sellerStrings } from './account/seller.ts';
import { walletStrings } from './account/wallet.ts';

export const strings = {
  /* ---------------------------------------------------------------- the header's menu */
  'view.label': 'View',
  'view.shop': 'Shop',
  'view.seller': 'Seller',
  'language.label': 'Language',
  'demo.persona': 'Shopping as',
  'demo.personaNote': 'This demo shop runs in your browser. ann, bo and cy are three shoppers sharing it, as if on three phones: switch between them to fill a team or race for a flash sale.',
  'sync.online': 'Online: what you do reaches the shop at once.',
  'sync.offline': 'Offline: you can keep browsing, filling the cart and ordering. Orders wait on this device and go when you are back online.',
  'sync.waiting': '{count} waiting on this device to reach the shop.',
  'sync.nothing': 'Nothing waits on this device.',
  'sync.demo': 'In this demo the shop runs in the same browser, so it answers as soon as you are online.',
  'sync.last': 'Last synced {at}.',
  'sync.settings': 'Sync and backup settings',

  /* ---------------------------------------------------------------- shared */
  'acct.queued': 'Queued on this device: it goes to the shop when you are online.',
  'acct.queuedShop': "Queued on this device: it goes to the shop as soon as this phone reaches the shop's server.",
  'acct.queuedSeller': "Queued on this device: the shop decides it here as soon as this phone reaches the shop's server.",
  'acct.sent': 'Sent to the shop: waiting for its answer.',
  'acct.refused': 'The shop said no: {reason}',
  'acct.problems': 'Please check: {problems}',
  'acct.storageFull': "The device's storage is full: nothing was saved. Free some space and try again.",
  'acct.back': 'Go back',
  'acct.neverMind': 'Never mind',
  'acct.reasonRequired': 'Please say why.',
  'acct.orderNumber': 'Order {number}',
  'acct.placed': 'Placed {date}',
  'acct.more': '+{count} more',

  /* ---------------------------------------------------------------- where an order is */
  'stage.queued': 'Queued on this device',
  'stage.sent': 'Sent, waiting for the shop',
  'stage.refused': 'Not taken by the server',
  'stage.team-forming': 'Waiting for team',
  'stage.accepted': 'Accepted',
  'stage.shipped': 'Shipped',
  'stage.ready-for-pickup': 'Ready for pickup',
  'stage.received': 'Received',
  'stage.finished': 'Finished',
  'stage.rejected': 'Rejected',
  'stage.cancelled': 'Cancelled',
  'stage.refund-requested': 'Refund requested',
  'stage.refunded': 'Refunded',
  'stage.claim-filed': 'Claim filed',
  'stage.compensated': 'Compensated',
  'stage.refund-declined': 'Refund declined',
  'stage.claim-declined': 'Claim declined',

  /* ---------------------------------------------------------------- why the shop said no */
  'reason.malformed': 'The shop could not read this request.',
  'reason.not-allowed': 'The shop does not allow this.',
  'reason.unknown-order': 'The shop has no such order.',
  'reason.not-your-order': 'This order belongs to someone else.',
  'reason.invalid-state': 'The order had already moved on, so this could not be done.',
  'reason.product-unavailable': 'Something in it is no longer sold.',
  'reason.out-of-stock': 'Not enough was left in stock.',
  'reason.flash-not-started': 'The flash sale had not started yet.',
  'reason.flash-ended': 'The flash sale had ended.',
  'reason.flash-sold-out': 'The flash sale sold out before your order reached the shop.',
  'reason.flash-limit': "You reached the flash sale's limit per buyer.",
  'reason.team-closed': 'This team buy had closed.',
  'reason.team-full': 'This team was already full.',
  'reason.team-member': 'You are already in this team.',
  'reason.insufficient-balance': 'Your wallet did not hold enough.',
  'reason.insufficientOrder': 'Your wallet did not hold enough for this order ({amount} needed). Top up, or pay on pickup.',
  'reason.price-changed': 'The price went up while you were offline.',
  'reason.priceChangedBy': 'The price went up while you were offline: you agreed to {agreed}, it is now {now}.',
  'reason.coupon-invalid': 'The coupon could not be used.',
  'reason.delivery-invalid': 'That delivery choice is not offered.',
  'reason.refund-window-closed': 'The time to ask for a refund has passed.',
  'reason.already-reviewed': 'You have already reviewed this order.',
  'reason.tampered': 'The request was changed on its way, so the shop refused it.',
  'reason.product-changed': 'This product was changed since you opened it (on another device, or by an earlier save), so nothing was saved. Open it again and make your change there.',
  'reason.unknown': 'The shop said no.',

  /* ---------------------------------------------------------------- notes the shop writes */
  'note.teamComplete': 'Team complete',
  'note.teamFailed': 'The team did not fill in time',
  'note.cancelledByBuyer': 'Cancelled by the buyer',
  'note.cancelledByShop': 'Cancelled by the shop: {reason}',
  'note.confirmedByBuyer': 'Confirmed by the buyer',
  'note.handedOver': 'Handed over at the pickup point',
  'note.autoConfirmed': 'Confirmed automatically',

  /* ---------------------------------------------------------------- orders */
  'orders.title': 'Orders',
  'orders.empty': 'No orders yet.',
  'orders.browse': 'Browse the shop',
  'orders.total': 'Total {amount}',
  ...orderStrings,
  ...walletStrings,
  ...sellerStrings,
};
