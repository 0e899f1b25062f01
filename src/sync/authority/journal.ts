/**
 * Checks on the seller device's copy of the shop against the journal (the shop's source of
 * truth), after reading it.
 */
import type { EventId } from '../../domain/index.ts';
import { markPublished, unjournaledStanding, type ShopDb } from '../../storage/index.ts';
import { JournalDivergedError } from './publish.ts';

/**
 * Another device decided while this one held unpublished decisions (its lease ran out
 * during a crash): both numbered the same part of the journal. This device's copy of the
 * shop is then not the journal's and must not decide or publish more.
 */
export async function checkNotDiverged(local: ShopDb): Promise<void> {
  const standing = await unjournaledStanding(local);
  if (standing === undefined) return;
  // Another device's decision numbered among ours: both decided from the same journal.
  if (standing.foreign > 0) throw new JournalDivergedError(standing.mine);
  // Decisions numbered after ours were made by a device that read ours in the journal (a
  // write whose answer was lost): they are there; only their copies may be missing.
  if (standing.later > 0) await markPublished(local, standing.mine as EventId[], 'copies');
}
