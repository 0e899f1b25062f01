// On a real shop's device with nobody signed in, a buyer's request is refused before it is
// queued, with words that say what to do; nothing reaches the outbox.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { topUpDemoWallet } from '../../src/app/actions/top-up-demo-wallet.ts';
import type { AppContext } from '../../src/app/context.ts';
import { InvalidInputError } from '../../src/app/errors.ts';
import type { BuyerId, Money } from '../../src/domain/index.ts';
import { ShopDb } from '../../src/storage/index.ts';

describe('a buyer request while signed out', () => {
  it('is refused with "Sign in first", and nothing is queued', async () => {
    const db = new ShopDb(`signed-out-${Math.random()}`);
    const ctx: AppContext = { store: db, buyer: () => '' as BuyerId, nudge: () => undefined, now: () => 1 };
    const error = await topUpDemoWallet(ctx, 100 as Money).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems[0]).toMatch(/^Sign in first/);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });
});
