/** The shop's rules as pure functions: no I/O, no clock, no randomness. */
export * from './money.ts';
export * from './ids.ts';
export * from './catalog.ts';
export * from './options.ts';
export * from './ledger.ts';
export * from './orders.ts';
export * from './teams.ts';
export * from './refund-window.ts';
export * from './events.ts';
export { intentVersion, snapshotsVersion, productUsesOptions } from './event-version.ts';
export * from './state.ts';
export * from './result.ts';
export type * from './pricing/types.ts';
export { quote } from './pricing/quote.ts';
export { quoteCart, countCouponUse, type Cart } from './quote-state.ts';
export { apply, draftOf, foldDecision, usageOf, type Draft } from './fold.ts';
export { batchDraft, foldBatch, touchedBy, type Touched, type ViewRows } from './fold-batch.ts';
export { decide, decideInto, refuseTampered, type Decided } from './authority/decide.ts';
