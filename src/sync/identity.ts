/**
 * Noticing that the server lost data. Every database the project sets up holds an identity
 * document with a random uuid (names.ts). The device keeps the uuid with its checkpoint: when
 * the server's differs, the database was deleted and made again (or restored from a copy),
 * its `seq` numbers mean nothing any more, and what this device sent may be gone.
 */
import { startOver, getCheckpoint, type ShopDb } from '../storage/index.ts';
import type { CouchClient } from './couch-client.ts';
import { IDENTITY_DOC_ID, type IdentityDoc } from './names.ts';

/** The database is not there yet, or not set up (no identity): wait for the shop to set it up. */
export class NotReadyError extends Error {
  constructor(readonly db: string) {
    super(`The shop's database '${db}' is not ready yet.`);
    this.name = 'NotReadyError';
  }
}

export async function readIdentity(client: CouchClient, db: string): Promise<string | undefined> {
  const doc = await client.get<Partial<IdentityDoc>>(db, IDENTITY_DOC_ID);
  return typeof doc?.uuid === 'string' && doc.uuid !== '' ? doc.uuid : undefined;
}

/**
 * The database's identity, having started over locally if it is not the one this device last
 * read (`lost` says so). Throws NotReadyError if the database has none (yet).
 */
export async function checkIdentity(
  local: ShopDb, client: CouchClient, db: string,
  /** What must be redone for a lost database: done BEFORE the checkpoint is cleared, so a crash between cannot skip it. */
  onLost?: () => Promise<void>,
): Promise<{ identity: string; lost: boolean }> {
  let identity: string | undefined;
  try {
    identity = await readIdentity(client, db);
  } catch (error) {
    // A database that is not there, or not ours to read yet (a channel the shop has not opened).
    if (isAbsent(error)) throw new NotReadyError(db);
    throw error;
  }
  if (identity === undefined) throw new NotReadyError(db);
  const checkpoint = await getCheckpoint(local, db);
  if (checkpoint === undefined || checkpoint.identity === identity) return { identity, lost: false };
  await onLost?.();
  await startOver(local, db);
  return { identity, lost: true };
}

export function isAbsent(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 404 || status === 401 || status === 403;
}
