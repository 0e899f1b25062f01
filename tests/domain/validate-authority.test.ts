import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../src/domain/validate/index.ts';
import { buildHistory, CLEAN, deliver, historySpec, runBatches } from './fixtures/histories.ts';

// The validators must never refuse what the app itself makes: every intent of a generated shop
// history, and every decision the authority makes from them, passes and round-trips.
describe('what the app makes passes the validators', () => {
  it('intents and the authority\'s decisions', () => {
    fc.assert(
      fc.property(historySpec(), (spec) => {
        const history = buildHistory(spec);
        const { decisions } = runBatches(deliver(history, CLEAN));
        const problems: string[] = [];
        for (const event of [...history.intents, ...decisions]) {
          const doc: unknown = JSON.parse(JSON.stringify(event));
          const result = validateEvent(doc);
          if (!result.ok) problems.push(`${event.kind} ${event.id}: ${result.errors.join('; ')}`);
          else expect(result.value).toStrictEqual(doc);
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
