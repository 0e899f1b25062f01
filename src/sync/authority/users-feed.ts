/**
 * `_users/_changes` for the seller's device (news.ts): the users new or changed since a stored
 * position. Where the device makes the channels (PouchDB Server has no couch_peruser) a new
 * user's channel is read, and made, at once; on CouchDB a changed user matters too:
 * couch_peruser makes them an admin of their channel again, so the channel is adopted again.
 * Only the server's admin may read it; where it cannot be read (`feed` false) the sweep finds
 * every channel instead. Its position is stored like `_db_updates`' (news.ts Plan rows).
 */
import { checkpointOf, checkpointsOf, forgetGuards, getCheckpoint, type CheckpointRow, type ShopDb } from '../../storage/index.ts';
import type { CouchClient } from '../couch-client.ts';
import { channelDb } from '../names.ts';
import { unsupported, type Hint } from './sweep.ts';

export const USERS_ROW = '_users';
const USERS_PAGE = 500;

export class UsersFeed {
  /** Read up to `fetched`; `stored` is what the device has kept. */
  private fetched: unknown;
  private stored: unknown;
  /** Something says users changed: read the feed at the next plan. */
  dirty = true;
  /** False where this seller may not read `_users` (the sweep lists every channel instead). */
  feed = true;

  constructor(private readonly local: ShopDb, private readonly client: CouchClient) {}

  async load(): Promise<void> {
    this.stored = this.fetched = (await getCheckpoint(this.local, USERS_ROW))?.since;
  }

  /**
   * Reads the users new or changed since the position: each buyer's channel among them is
   * noticed (`reguard` for one this device knows; `user` for a new one, where `makes`: this
   * device makes the channels). A new device on CouchDB starts from now: the sweep finds
   * every channel there.
   */
  async read(
    o: { fromNow: boolean; makes: boolean; isBuyerChannel(db: string): boolean; notice(db: string, hint: Hint): void }, signal?: AbortSignal,
  ): Promise<void> {
    let since: unknown = this.fetched ?? (o.fromNow ? 'now' : 0);
    for (;;) {
      let page;
      try {
        page = await this.client.userChanges(since, USERS_PAGE, signal);
      } catch (error) {
        if (!unsupported(error)) throw error;
        this.feed = false;
        return;
      }
      const dbs = page.names.map(channelDb).filter((db) => o.isBuyerChannel(db));
      const known = new Set((await checkpointsOf(this.local, dbs)).flatMap((r) => (r ? [r.db] : [])));
      await forgetGuards(this.local, [...known]);
      for (const db of dbs) {
        if (known.has(db)) o.notice(db, { reguard: true });
        else if (o.makes) o.notice(db, { user: true });
      }
      since = page.last_seq;
      if (!page.more) break;
    }
    this.fetched = since;
    this.dirty = false;
  }

  /** The position to store with a batch, if it moved. */
  row(at: number): CheckpointRow | undefined {
    return this.fetched !== undefined && this.fetched !== this.stored ? checkpointOf(USERS_ROW, this.fetched, '', at) : undefined;
  }

  /** A plan's row was stored. */
  committed(row: CheckpointRow): void {
    if (row.db === USERS_ROW) this.stored = row.since;
  }
}
