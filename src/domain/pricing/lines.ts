import { isFlashActive, type Millis, type Product } from '../catalog.ts';
import type { TeamId } from '../ids.ts';
import { min, sub, times, type Money } from '../money.ts';
import type { CartLine, DiscountLine, PricedLine, TeamChoice } from '../orders.ts';
import type { Team } from '../teams.ts';
import { problem } from './problem.ts';
import type { PricingProblem } from './types.ts';

/** The most of one product a single line may ask for; more is a typo, not an order. */
export const MAX_QTY = 999;

/** What the line step needs from PricingInput (kept narrow so it is easy to test and reason about). */
export interface LineContext {
  product: (id: Product['id']) => Product | undefined;
  findTeam: (id: TeamId) => Team | undefined;
  at: Millis;
  /** The buyer's team choice, if this is a team order. */
  choice: TeamChoice | undefined;
}

export interface PricedLines {
  lines: PricedLine[];
  /** One flash or team saving per line that has one, in cart order. */
  specials: DiscountLine[];
  problems: PricingProblem[];
}

/** A special (flash or team) price for a line, or why the line cannot be sold in that mode. */
type Special = { price: Money; label: string } | { problem: PricingProblem };

/**
 * Prices every cart line that can be sold as asked. A line with a problem is left out of
 * the result's lines (and so out of every total) and its problem recorded instead, so the
 * buyer sees the rest of the cart priced and a reason for each line that was not.
 */
export function priceLines(cart: readonly CartLine[], ctx: LineContext): PricedLines {
  const out: PricedLines = { lines: [], specials: [], problems: [] };
  const seen = new Set<string>();
  for (const line of cart) {
    // A line's key is counted even if the line itself has a problem: the cart still holds
    // the same product in the same mode twice, which the UI should merge, not hide.
    const key = JSON.stringify([line.productId, line.mode]);
    const duplicate = seen.has(key);
    seen.add(key);

    const result = priceLine(line, duplicate, ctx);
    if ('problem' in result) {
      out.problems.push(result.problem);
      continue;
    }
    out.lines.push(result.line);
    if (result.discount !== undefined) out.specials.push(result.discount);
  }
  return out;
}

type LineResult = { line: PricedLine; discount: DiscountLine | undefined } | { problem: PricingProblem };

function priceLine(line: CartLine, duplicate: boolean, ctx: LineContext): LineResult {
  const { productId, qty, mode } = line;
  const product = ctx.product(productId);
  if (product === undefined) {
    return { problem: problem('unknown-product', `Product ${productId} is not in the catalog`, productId) };
  }
  if (product.hidden) {
    return { problem: problem('product-hidden', `${product.name} is not for sale at the moment`, productId) };
  }
  if (!isGoodQuantity(qty)) {
    return {
      problem: problem('bad-quantity', `Quantity ${qty} of ${product.name} is not a whole number from 1 to ${MAX_QTY}`, productId),
    };
  }
  if (duplicate) {
    return { problem: problem('duplicate-line', `${product.name} (${mode}) is in the cart more than once`, productId) };
  }

  // A team order is one team line and nothing else (quote() has already checked the count).
  if (ctx.choice !== undefined && mode !== 'team') {
    return { problem: teamMismatch(product, `is a ${mode} line, but the order starts or joins a team`) };
  }
  const special: Special | undefined =
    mode === 'flash' ? flashPrice(product, qty, ctx.at) : mode === 'team' ? teamPrice(product, ctx) : undefined;
  if (special !== undefined && 'problem' in special) return { problem: special.problem };

  const listPrice = product.price;
  // A special price above the list price is a seller's slip, not a surcharge: the buyer
  // never pays more than the list price, and no negative "discount" appears.
  const unitPrice = special === undefined ? listPrice : min(special.price, listPrice);
  const priced: PricedLine = {
    productId,
    name: product.name,
    qty,
    mode,
    listPrice,
    unitPrice,
    amount: times(listPrice, qty),
  };
  const saving = times(sub(listPrice, unitPrice), qty);
  const discount: DiscountLine | undefined =
    special !== undefined && saving > 0
      ? { kind: mode === 'team' ? 'team' : 'flash', label: `${special.label}: ${product.name} × ${qty}`, amount: saving, productId }
      : undefined;
  return { line: priced, discount };
}

function isGoodQuantity(qty: number): boolean {
  return Number.isInteger(qty) && qty >= 1 && qty <= MAX_QTY;
}

/**
 * The flash price, if the sale is on at `at` (start inclusive, end exclusive, as
 * isFlashActive says) and the line is within the per-buyer limit. Two things are not checked
 * here because pricing cannot know them: units left in the flash stock, and what this buyer
 * bought in earlier orders. The authority checks both when it takes intents in `sentAt` order.
 */
function flashPrice(product: Product, qty: number, at: Millis): Special {
  const { flash, id, name } = product;
  if (flash === undefined) {
    return { problem: problem('no-flash-sale', `${name} has no flash sale`, id) };
  }
  if (!isFlashActive(flash, at)) {
    return at < flash.startsAt
      ? { problem: problem('flash-not-started', `The flash sale on ${name} has not started yet`, id) }
      : { problem: problem('flash-ended', `The flash sale on ${name} has ended`, id) };
  }
  if (qty > flash.perBuyerLimit) {
    return {
      problem: problem('flash-limit', `The flash sale on ${name} allows at most ${flash.perBuyerLimit} per buyer`, id),
    };
  }
  return { price: flash.price, label: 'Flash sale price' };
}

/**
 * The team price. Starting a team uses today's offer; joining uses the price the team was
 * started at, which is locked into the Team record: a seller who changes the offer later must
 * not change the deal for people who are already in, or are joining, a team in progress.
 * Whether the team is still forming (and not past its deadline) is the authority's check.
 */
function teamPrice(product: Product, ctx: LineContext): Special {
  const { id, name } = product;
  if (ctx.choice === undefined) {
    return { problem: teamMismatch(product, 'is a team line, but no team was started or joined') };
  }
  if (product.team === undefined) {
    return { problem: problem('no-team-offer', `${name} has no team offer`, id) };
  }
  if (ctx.choice.action === 'start') {
    return { price: product.team.price, label: 'Team price' };
  }
  const team = ctx.findTeam(ctx.choice.teamId);
  if (team === undefined || team.productId !== id) {
    return { problem: problem('unknown-team', `Team ${ctx.choice.teamId} is not a team for ${name}`, id) };
  }
  return { price: team.price, label: 'Team price (locked when the team started)' };
}

function teamMismatch(product: Product, why: string): PricingProblem {
  return problem('team-mode-mismatch', `${product.name} ${why}`, product.id);
}
