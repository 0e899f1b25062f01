/**
 * One buyer's channel, read by the seller's device: made the shop's (adopted) unless it is
 * known to be, its identity checked when something says it may have been made again (or now
 * and then), and its new intents read from its checkpoint. A channel the device knows costs
 * one request; one it reads for the first time costs two: its `_security`, and its feed from
 * the start, which carries its design documents and its identity too, so that a new device
 * with a thousand buyers does not adopt a thousand channels again.
 */
import type { BuyerId, Draft, Intent, MessageEvent } from '../../domain/index.ts';
import { checkpointOf, republishBuyer, startOver, type CheckpointRow, type SetAsideRow, type ShopDb } from '../../storage/index.ts';
import type { CouchClient, CouchError } from '../couch-client.ts';
import { checkIdentity, isAbsent, NotReadyError, readIdentity } from '../identity.ts';
import { channelOwner } from '../names.ts';
import { channelSecurity, RULES_VERSION, sameSecurity, type RulesOptions } from '../rules.ts';
import { guardChannel, readChannel, rulesAsRead, rulesChangedToOurs, type ChannelRead, type Forgery } from './channels.ts';
import { wentBack, type Hint } from './sweep.ts';

/** How long a channel's identity is trusted while nothing says otherwise (checked again when next read after that). */
export const IDENTITY_RECHECK_MS = 10 * 60_000;

/** The revision of the rules a channel is guarded by: a new one (or other options) means adopting it again. */
export function rulesRevision(rules: RulesOptions): string {
  return `v${RULES_VERSION}${rules.allowDemoTopUps ? '+demo-top-ups' : ''}`;
}

export interface JobContext {
  local: ShopDb;
  client: CouchClient;
  rules: RulesOptions;
  draft: Draft;
  pageLimit: number;
  /** The device's clock. */
  now(): number;
  signal?: AbortSignal;
  /** When each channel's identity was last checked (device time), kept by the runner. */
  identityChecked: Map<string, number>;
}

export interface ChannelOutcome {
  db: string;
  buyer: BuyerId;
  read?: ChannelRead;
  /** The channel was not guarded until now (server time): intents sent before count as sent now. */
  guardedAt?: number;
  /** The checkpoint to store with the batch's decisions, only if it moved. */
  checkpoint?: CheckpointRow;
  /** Not read, and why (shown to the seller). */
  skipped?: string;
  /** To read again in the next batch, with this hint (its sequence went backwards). */
  again?: Hint;
  /** The server failed or refused a request about it: read again next run. */
  failed?: CouchError;
}

export async function readOneChannel(ctx: JobContext, db: string, hint: Hint, known: CheckpointRow | undefined): Promise<ChannelOutcome> {
  const buyer = channelOwner(db) as BuyerId;
  const revision = rulesRevision(ctx.rules);
  let row = known;
  let identity: string | undefined;
  if (row !== undefined && (hint.suspect || due(ctx, db))) {
    const checked = await checkChannelIdentity(ctx, db, buyer);
    if (checked === 'gone') return { db, buyer, skipped: 'The channel is not there.' };
    if (checked === 'lost') row = undefined;
    else identity = checked;
  }
  let read: ChannelRead;
  let guardedAt: number | undefined;
  let trust: Trust;
  if (row === undefined) {
    const fresh = await readFromStart(ctx, db, buyer, hint);
    if ('skipped' in fresh) return { db, buyer, skipped: fresh.skipped };
    ({ read, identity, guardedAt, trust } = fresh);
  } else {
    trust = { guard: row.guard, rules: row.rules };
    if (hint.reguard) {
      // Its owner's account changed (couch_peruser made them its admin again): adopted again now.
      const adopted = await adopt(ctx, buyer, trust.guard !== revision);
      if ('skipped' in adopted) return { db, buyer, skipped: adopted.skipped };
      ({ guardedAt, trust } = adopted);
    }
    const got = await readChannel(ctx.local, ctx.client, ctx.draft, buyer, { since: row.since, pageLimit: ctx.pageLimit, now: ctx.now, signal: ctx.signal })
      .catch(absentAsUndefined);
    // Gone (or no longer this seller's to read): nothing to read until it is made again (news, the sweep).
    if (got === undefined) return { db, buyer, skipped: 'The channel is not there.' };
    read = got;
    // A database made again (or restored) and read from an old checkpoint: its identity first;
    // the same identity (a copy restored from before this checkpoint): read from the start.
    if (wentBack(read.lastSeq, row.since)) {
      if (!hint.suspect) return { db, buyer, again: { ...hint, suspect: true } };
      read = await readChannel(ctx.local, ctx.client, ctx.draft, buyer, { since: 0, pageLimit: ctx.pageLimit, now: ctx.now, signal: ctx.signal });
    }
    // A design document written (by an admin of the channel) other than the shop's current rules
    // (its own adoption writes those): nothing is known of its rules any more.
    if (read.rulesTouched && !rulesChangedToOurs(read, ctx.rules)) trust = {};
    if (trust.guard !== revision && needsTrust(read)) {
      const checked = await ensureGuarded(ctx, db, buyer, trust.rules === revision);
      if ('skipped' in checked) return { db, buyer, skipped: checked.skipped };
      guardedAt = checked.guardedAt;
      trust = checked.trust;
    }
    identity ??= row.identity;
  }
  // A seller's message is believed only from a channel guarded by the shop's rules: before that, a
  // buyer who was its admin could have written one in the shop's name. The buyer's own are theirs.
  if (trust.guard !== revision) read.messages = read.messages.filter((m) => m.from === 'buyer');
  const next: CheckpointRow = checkpointOf(db, read.lastSeq, identity, ctx.now());
  const seq = hint.seq ?? row?.seq;
  const made = hint.made ?? row?.made;
  if (trust.guard !== undefined) next.guard = trust.guard;
  if (trust.rules !== undefined) next.rules = trust.rules;
  if (seq !== undefined) next.seq = seq;
  if (made !== undefined) next.made = made;
  return { db, buyer, read, guardedAt, checkpoint: moved(row, next) ? next : undefined };
}

/**
 * What the device knows of a channel: `rules`, the revision of the shop's rules its feed showed
 * in place (and no other design document); `guard`, the revision it was found adopted under
 * (its `_security` checked too). Intents are trusted only under `guard`.
 */
interface Trust {
  guard?: string;
  rules?: string;
}

/**
 * Before intents are trusted: where the feed showed the rules in place, only `_security` is
 * asked for (one request); otherwise, or if it is not the shop's, the channel is adopted.
 */
async function ensureGuarded(ctx: JobContext, db: string, buyer: BuyerId, rulesKnown: boolean): Promise<{ trust: Trust; guardedAt?: number } | { skipped: string }> {
  if (rulesKnown) {
    const security = await ctx.client.getSecurity(db, ctx.signal).catch(absentAsUndefined);
    if (sameSecurity(security, channelSecurity(buyer))) {
      const revision = rulesRevision(ctx.rules);
      return { trust: { guard: revision, rules: revision } };
    }
  }
  return adopt(ctx, buyer, true);
}

/** Intents to decide (tampered ones too, refused as such) are trusted only from a guarded channel. */
function needsTrust(read: ChannelRead): boolean {
  return read.intents.length > 0 || read.tampered.length > 0;
}

/**
 * Makes the channel the shop's (or checks that it is, where this seller may not). `wasUnguarded`:
 * copies parked while it could not be written go to it now.
 */
async function adopt(ctx: JobContext, buyer: BuyerId, wasUnguarded: boolean): Promise<{ trust: Trust; guardedAt?: number } | { skipped: string }> {
  const result = await guardChannel(ctx.client, buyer, ctx.rules);
  if (typeof result === 'object') return { skipped: result.refused };
  const revision = rulesRevision(ctx.rules);
  const trust = { guard: revision, rules: revision };
  if (result === 'ok') return { trust };
  if (wasUnguarded) await republishBuyer(ctx.local, buyer);
  return { trust, guardedAt: ctx.client.clock.now() };
}

function due(ctx: JobContext, db: string): boolean {
  return ctx.now() - (ctx.identityChecked.get(db) ?? -Infinity) > IDENTITY_RECHECK_MS;
}

/** The channel's identity, or 'lost' (made again: read it from the start) or 'gone'. */
async function checkChannelIdentity(ctx: JobContext, db: string, buyer: BuyerId): Promise<string | 'lost' | 'gone'> {
  try {
    const { identity, lost } = await checkIdentity(ctx.local, ctx.client, db, () => republishBuyer(ctx.local, buyer));
    ctx.identityChecked.set(db, ctx.now());
    return lost ? 'lost' : identity;
  } catch (error) {
    if (!(error instanceof NotReadyError)) throw error;
  }
  // No identity: gone, or made again without one (couch_peruser makes an empty database).
  try {
    await ctx.client.info(db, ctx.signal);
  } catch (error) {
    if (isAbsent(error)) return 'gone';
    throw error;
  }
  await republishBuyer(ctx.local, buyer);
  await startOver(ctx.local, db);
  return 'lost';
}

type FromStart = { read: ChannelRead; identity: string; guardedAt?: number; trust: Trust } | { skipped: string };

/**
 * A channel this device has not read: its whole feed, which shows its design documents and
 * identity. Rules missing or not the shop's (a channel couch_peruser just made): adopted now.
 * Intents to trust: its `_security` is checked too (and it is adopted if need be). Neither:
 * nothing is trusted from it yet, so nothing more is asked (one request for a quiet channel).
 */
async function readFromStart(ctx: JobContext, db: string, buyer: BuyerId, hint: Hint): Promise<FromStart> {
  const options = { since: 0, pageLimit: ctx.pageLimit, now: ctx.now, signal: ctx.signal };
  let read = await readChannel(ctx.local, ctx.client, ctx.draft, buyer, options).catch(absentAsUndefined);
  // Missing: made here only for a user found in `_users` (where this device makes channels).
  if (read === undefined && !hint.user) return { skipped: `The channel ${db} is not there yet.` };
  let guardedAt: number | undefined;
  let trust: Trust = {};
  if (read !== undefined && rulesAsRead(read, ctx.rules)) {
    trust = { rules: rulesRevision(ctx.rules) };
    if (needsTrust(read)) {
      const checked = await ensureGuarded(ctx, db, buyer, true);
      if ('skipped' in checked) return checked;
      ({ trust, guardedAt } = checked);
    }
  } else {
    const adopted = await adopt(ctx, buyer, true);
    if ('skipped' in adopted) return adopted;
    ({ trust, guardedAt } = adopted);
  }
  // Read again, now that it is guarded: whatever was written before counts as sent now.
  if (guardedAt !== undefined || read === undefined) read = await readChannel(ctx.local, ctx.client, ctx.draft, buyer, options);
  const identity = read.identity ?? (await readIdentity(ctx.client, db));
  if (identity === undefined) return { skipped: new NotReadyError(db).message };
  ctx.identityChecked.set(db, ctx.now());
  return { read, identity, guardedAt, trust };
}

function absentAsUndefined(error: unknown): undefined {
  if (isAbsent(error)) return undefined;
  throw error;
}

/** Only a checkpoint that moved is written: a quiet channel costs no write. */
function moved(before: CheckpointRow | undefined, after: CheckpointRow): boolean {
  if (before === undefined) return true;
  return (
    JSON.stringify(before.since) !== JSON.stringify(after.since) || before.identity !== after.identity || before.guard !== after.guard
    || before.rules !== after.rules || JSON.stringify(before.seq) !== JSON.stringify(after.seq) || before.made !== after.made
  );
}

/** A batch's channels put together: their intents (taken as sent no earlier than their guarding), and what to store. */
export function collectOutcomes(outcomes: readonly ChannelOutcome[]) {
  const out = {
    intents: [] as Intent[], tampered: [] as Intent[], revs: new Map<string, string>(), setAside: [] as SetAsideRow[],
    checkpoints: [] as CheckpointRow[], failed: undefined as unknown, skipped: [] as { db: string; reason: string }[], forgeries: [] as Forgery[],
    messages: [] as MessageEvent[],
  };
  for (const o of outcomes) {
    if (o.failed !== undefined) {
      out.failed ??= o.failed;
      out.skipped.push({ db: o.db, reason: o.failed.message });
      continue;
    }
    if (o.skipped !== undefined) out.skipped.push({ db: o.db, reason: o.skipped });
    const read = o.read;
    if (read === undefined) continue;
    // Intents written while a channel was not guarded were never checked, `sentAt` included:
    // they are taken as sent when the shop guarded it, not when they say.
    const at = o.guardedAt === undefined ? undefined : Math.round(o.guardedAt);
    for (const intent of read.intents) {
      out.intents.push(at !== undefined && intent.by === 'buyer' && intent.sentAt < at ? { ...intent, sentAt: at } : intent);
    }
    out.tampered.push(...read.tampered);
    for (const [id, rev] of read.revs) out.revs.set(id, rev);
    out.setAside.push(...read.setAside);
    out.forgeries.push(...read.forgeries);
    out.messages.push(...read.messages);
    if (o.checkpoint) out.checkpoints.push(o.checkpoint);
  }
  return out;
}
