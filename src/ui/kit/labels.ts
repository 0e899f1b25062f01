/**
 * Words for the account screens' codes: an order's stage, the shop's reasons for saying no,
 * the notes it writes on a timeline, the kinds of wallet lines. Everything through `t()`.
 */
import type { DecisionKind, OrderStatus, RejectReason } from '../../domain/index.ts';
import type { OrderStage } from '../../app/queries/reads.ts';
import { InvalidInputError } from '../../app/errors.ts';
import { StorageFullError } from '../../app/queries/reads.ts';
import type { I18n } from '../i18n/index.ts';

type T = I18n['t'];

/** A short, readable order number: the end of its id (ids begin with the time, so the end differs). */
export function orderNumber(id: string): string {
  return `#${id.replace(/-/g, '').slice(-6).toUpperCase()}`;
}

export function stageLabel(t: T, stage: OrderStage | OrderStatus | 'refund-declined' | 'claim-declined'): string {
  return t(`stage.${stage}` as const);
}

/** Refusals whose English message is prose worth showing next to the translated reason. */
const PROSE: ReadonlySet<RejectReason> = new Set(['invalid-state', 'not-allowed']);

/** The shop's reason in a sentence; for a few reasons, its own words (the seller's) after it. */
export function reasonText(t: T, reason: RejectReason | undefined, message?: string): string {
  const sentence = reason ? t(`reason.${reason}` as const) : t('reason.unknown');
  return reason && PROSE.has(reason) && message ? `${sentence} ${message}` : sentence;
}

/** Notes the shop's authority writes on an order's timeline, in the reader's language; others (people's words) as written. */
export function noteText(t: T, note: string | undefined): string | undefined {
  if (note === undefined || note === '') return undefined;
  switch (note) {
    case 'Team complete': return t('note.teamComplete');
    case 'The team did not fill in time': return t('note.teamFailed');
    case 'Cancelled by the buyer': return t('note.cancelledByBuyer');
    case 'Confirmed by the buyer': return t('note.confirmedByBuyer');
    case 'Handed over at the pickup point': return t('note.handedOver');
    case 'Confirmed automatically': return t('note.autoConfirmed');
  }
  const byShop = /^Cancelled by the shop: (.*)$/s.exec(note);
  if (byShop) return t('note.cancelledByShop', { reason: byShop[1] ?? '' });
  return note;
}

const REQUESTS = ['order.cancel', 'order.confirm-receipt', 'refund.request', 'claim.file', 'review.write'] as const;
type RequestKind = (typeof REQUESTS)[number];
const isRequest = (k: string): k is RequestKind => (REQUESTS as readonly string[]).includes(k);

/** What a buyer's request about an order asks, as words to put in "your request to …". */
export function requestWhat(t: T, kind: string): string {
  return isRequest(kind) ? t(`what.${kind}` as const) : t('what.other');
}

const WALLET_KINDS = [
  'order.accepted', 'order.cancelled', 'order.received', 'refund.approved', 'claim.compensated', 'team.failed',
  'wallet.credited', 'withdrawal.held', 'withdrawal.paid', 'withdrawal.declined',
] as const;
type WalletKind = (typeof WALLET_KINDS)[number];
const isWalletKind = (k: string): k is WalletKind => (WALLET_KINDS as readonly string[]).includes(k);

/** A wallet line's kind in words; a demo top-up says it is play money. */
export function walletKindText(t: T, kind: DecisionKind, message?: string): string {
  if (kind === 'wallet.credited' && message === 'Demo top-up') return t('kind.demoTopUp');
  return isWalletKind(kind) ? t(`kind.${kind}` as const) : t('kind.other');
}

/** A thrown error, for the person: the form's problems, a full disk, or anything else. */
export function errorText(t: T, error: unknown): string {
  if (error instanceof InvalidInputError) return t('acct.problems', { problems: error.problems.join(' ') });
  if (error instanceof StorageFullError) return t('acct.storageFull');
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/** "1.2 MB", through Intl's units. */
export function formatBytes(bytes: number, intl: string): string {
  const units = [['gigabyte', 1e9], ['megabyte', 1e6], ['kilobyte', 1e3]] as const;
  for (const [unit, size] of units) {
    if (bytes >= size) return new Intl.NumberFormat(intl, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / size);
  }
  return new Intl.NumberFormat(intl, { style: 'unit', unit: 'byte' }).format(bytes);
}

/** An HTML datetime attribute for a time. */
export const isoTime = (at: number): string => new Date(at).toISOString();
