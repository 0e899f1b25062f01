/**
 * The sweep: every buyer's channel's `update_seq` compared with what the seller's device last
 * saw, page by page, to find the channels that changed without anyone saying so. On CouchDB
 * 3.2+ a page is one `GET /_dbs_info` over a range of names (a hundred channels a request,
 * made ones included); elsewhere (PouchDB Server, an older CouchDB, a `seller` role) each
 * channel's own info, a few at a time, over the channels the device knows (and those the
 * server lists, where it lets this user list them). See news.ts for when it runs.
 */
import { checkpointsFrom, checkpointsOf, type ShopDb } from '../../storage/index.ts';
import { CouchError, type CouchClient, type DbInfo } from '../couch-client.ts';
import { pool } from './pool.ts';

/** Why a channel is to be read, and what to keep with its checkpoint. */
export interface Hint {
  /** It may have been made again (deleted, created, its sequence went backwards): check its identity first. */
  suspect?: boolean;
  /** Its owner's account changed: adopt it again before trusting it. */
  reguard?: boolean;
  /** Its owner was found in `_users`: make the channel if it is missing (where the seller's device makes them). */
  user?: boolean;
  /** What the sweep saw (kept with the checkpoint once read). */
  seq?: unknown;
  made?: string;
}

export interface SweepHost {
  local: ShopDb;
  client: CouchClient;
  /** Channels per page. */
  page: number;
  concurrency: number;
  isBuyerChannel(db: string): boolean;
  /** Also list the channels the server has (`_all_dbs`), for a device that cannot follow `_users`. */
  listAll(): boolean;
  /** Channels already waiting to be read (left out of a sweep by each channel's info). */
  waiting(): Iterable<string>;
  /** Renews the run's lease if half of it is gone: a page of channels' infos on a weak link can outlast it. */
  keepLease?(): Promise<void>;
}

const CHANNEL_PREFIX = 'userdb-';
const CHANNEL_END = 'userdb-\ufff0';

export class Sweep {
  /** Whole sweeps finished. */
  done = 0;
  private byInfo = false;
  private cursor: string | null = null;
  private list: string[] | undefined;

  constructor(private readonly host: SweepHost) {}

  /** Whether this server answers `_dbs_info` (so far). */
  get usesDbsInfo(): boolean {
    return !this.byInfo;
  }

  /** From the first channel again. */
  restart(): void {
    this.cursor = null;
    this.list = undefined;
  }

  /** The next page: the channels that changed (with what was seen), and whether this finished a whole sweep. */
  async step(room: number, signal?: AbortSignal): Promise<{ found: [string, Hint][]; complete: boolean }> {
    const { client, page } = this.host;
    let infos: DbInfo[];
    let complete: boolean;
    if (!this.byInfo) {
      try {
        infos = await client.dbsInfoRange({ startkey: this.cursor ?? CHANNEL_PREFIX, endkey: CHANNEL_END, limit: page, signal });
      } catch (error) {
        if (!unsupported(error)) throw error;
        this.byInfo = true; // no `_dbs_info` here, or not for this user: each channel's info
        return { found: [], complete: false };
      }
      complete = infos.length < page;
      this.cursor = complete ? null : `${infos[infos.length - 1]!.db_name}\u0000`;
    } else {
      this.list ??= await this.knownChannels(signal);
      const next = this.list.splice(0, Math.max(room, 1));
      // A channel gone (404) is left out: there is nothing to read, and a decision for its
      // buyer makes it again when it is published (publish.ts).
      const got = await pool(next, this.host.concurrency, async (db) => {
        await this.host.keepLease?.();
        try {
          return await client.info(db, signal);
        } catch (error) {
          if (error instanceof CouchError && error.status === 404) return undefined;
          throw error;
        }
      });
      infos = got.filter((g): g is DbInfo => g !== undefined);
      complete = this.list.length === 0;
    }
    if (complete) {
      this.done += 1;
      this.list = undefined;
    }
    return { found: await this.changed(infos), complete };
  }

  /** The channels whose `update_seq` is not the one last seen, or that were made again. */
  private async changed(infos: readonly DbInfo[]): Promise<[string, Hint][]> {
    const buyers = infos.filter((i) => this.host.isBuyerChannel(i.db_name));
    const rows = await checkpointsOf(this.host.local, buyers.map((i) => i.db_name));
    return buyers.flatMap((info, i): [string, Hint][] => {
      const row = rows[i];
      const seen = { seq: info.update_seq, made: info.instance_start_time };
      if (row === undefined) return [[info.db_name, seen]];
      const madeAgain = row.made !== undefined && info.instance_start_time !== undefined && row.made !== info.instance_start_time;
      if (madeAgain || wentBack(info.update_seq, row.seq ?? row.since)) return [[info.db_name, { ...seen, suspect: true }]];
      return sameSeq(info.update_seq, row.seq) ? [] : [[info.db_name, seen]];
    });
  }

  /** Every channel to look at in a sweep by each channel's info: those read before, and those that exist. */
  private async knownChannels(signal?: AbortSignal): Promise<string[]> {
    const dbs = new Set((await checkpointsFrom(this.host.local, CHANNEL_PREFIX)).map((r) => r.db));
    if (this.host.listAll()) {
      try {
        for (const db of await this.host.client.request<string[]>('GET', '_all_dbs', undefined, { signal })) dbs.add(db);
      } catch (error) {
        if (!unsupported(error)) throw error;
      }
    }
    for (const db of this.host.waiting()) dbs.delete(db);
    return [...dbs].filter((db) => this.host.isBuyerChannel(db)).sort();
  }
}

/** The server does not offer this (PouchDB Server: 400 or 404), or not to this user (401, 403). */
export function unsupported(error: unknown): boolean {
  return error instanceof CouchError && [400, 401, 403, 404, 405, 501].includes(error.status);
}

/** CouchDB's sequences are opaque strings whose leading number grows with every write; PouchDB Server's are numbers. */
export function seqNumber(seq: unknown): number | undefined {
  if (typeof seq === 'number' && Number.isFinite(seq)) return seq;
  if (typeof seq === 'string') {
    const m = /^(\d+)/.exec(seq);
    return m ? Number(m[1]) : undefined;
  }
  return undefined;
}

/** Whether a database's sequence went backwards: it was made again, or restored from an older copy. */
export function wentBack(now: unknown, before: unknown): boolean {
  const [a, b] = [seqNumber(now), seqNumber(before)];
  return a !== undefined && b !== undefined && a < b;
}

function sameSeq(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
