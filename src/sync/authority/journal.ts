/**
 * Checks on the seller device's copy of the shop against the journal (the shop's source of
 * truth), after reading it.
 */
import type { EventId } from '../../domain/index.ts';
import { markPublished, type ShopDb } from '../../storage/index.ts';
import { JournalDivergedError } from './publish.ts';

/**
 * Another device decided while this one held unpublished decisions (its lease ran out
 * during a crash): both numbered the same part of the journal. This device's copy of the
 * shop is then not the journal's and must not decide or publish more.
 */
export async function checkNotDiverged(local: ShopDb): Promise<void> {
  const unpublished = (await local.publish.toArray()).filter((r) => r.stage === 'journal');
  if (unpublished.length === 0) return;
  const mine = new Set<string>(unpublished.map((r) => r.id));
  const ns = unpublished.map((r) => r.n);
  const [from, to] = [Math.min(...ns), Math.max(...ns)];
  // Another device's decision numbered among ours: both decided from the same journal.
  const foreign = await local.events.where('n').between(from, to, true, true).filter((e) => !mine.has(e.id)).count();
  if (foreign > 0) throw new JournalDivergedError([...mine]);
  // Decisions numbered after ours were made by a device that read ours in the journal (a
  // write whose answer was lost): they are there; only their copies may be missing.
  if ((await local.events.where('n').above(to).count()) > 0) await markPublished(local, [...mine] as EventId[], 'copies');
}
