import { isFlashActive, type Millis, type Product } from '../catalog.ts';
import type { CombinationId, TeamId } from '../ids.ts';
import { min, sub, times, type Money } from '../money.ts';
import { combinationLabel, combinationToSell } from '../options.ts';
import { offerPrice } from '../offer-price.ts';
import { lineName, type CartLine, type DiscountLine, type PricedLine, type TeamChoice } from '../orders.ts';
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
  // Flash units asked so far per product: a sale's per-buyer limit is over all its combinations.
  const flashAsked = new Map<string, number>();
  cart.forEach((line, i) => {
    // A line's key is counted even if the line itself has a problem: the cart still holds
    // the same combination of a product in the same mode twice, which the UI should merge, not hide.
    const key = JSON.stringify([line.productId, line.combination ?? null, line.mode]);
    const duplicate = seen.has(key);
    seen.add(key);

    const asked = line.mode === 'flash' ? (flashAsked.get(line.productId) ?? 0) : 0;
    if (line.mode === 'flash' && isGoodQuantity(line.qty)) flashAsked.set(line.productId, asked + line.qty);
    const result = priceLine(line, `lines[${i}]`, duplicate, asked, ctx);
    if ('problem' in result) {
      // Named by its combination too, so the cart can show it beside the right line.
      out.problems.push(line.combination === undefined ? result.problem : { ...result.problem, combination: line.combination });
      return;
    }
    out.lines.push(result.line);
    if (result.discount !== undefined) out.specials.push(result.discount);
  });
  return out;
}

type LineResult = { line: PricedLine; discount: DiscountLine | undefined } | { problem: PricingProblem };

function priceLine(line: CartLine, path: string, duplicate: boolean, flashAsked: number, ctx: LineContext): LineResult {
  const { productId, qty, mode, combination } = line;
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
  const found = combinationToSell(product, combination, `${path}.combination`);
  if ('problem' in found) return { problem: problem(found.problem.code, found.problem.message, productId) };
  const c = found.combination;
  const variant = c === undefined ? undefined : combinationLabel(product, c);
  const name = lineName({ name: product.name, variant });
  if (duplicate) {
    return { problem: problem('duplicate-line', `${name} (${mode}) is in the cart more than once`, productId) };
  }

  // A team order is one team line and nothing else (quote() has already checked the count).
  if (ctx.choice !== undefined && mode !== 'team') {
    return { problem: teamMismatch(product, `is a ${mode} line, but the order starts or joins a team`) };
  }
  const special: Special | undefined =
    mode === 'flash' ? flashPrice(product, combination, name, qty + flashAsked, ctx.at)
    : mode === 'team' ? teamPrice(product, combination, name, ctx)
    : undefined;
  if (special !== undefined && 'problem' in special) return { problem: special.problem };

  const listPrice = c?.price ?? product.price;
  // A special price above the list price is a seller's slip, not a surcharge: the buyer
  // never pays more than the list price, and no negative "discount" appears.
  const unitPrice = special === undefined ? listPrice : min(special.price, listPrice);
  // The line keeps what was bought, in words and price, whatever the seller changes later.
  const priced: PricedLine = {
    productId,
    ...(combination !== undefined && { combination }),
    name: product.name,
    ...(variant !== undefined && { variant }),
    qty,
    mode,
    listPrice,
    unitPrice,
    amount: times(listPrice, qty),
  };
  const saving = times(sub(listPrice, unitPrice), qty);
  const discount: DiscountLine | undefined =
    special !== undefined && saving > 0
      ? { kind: mode === 'team' ? 'team' : 'flash', label: `${special.label}: ${name} × ${qty}`, amount: saving, productId }
      : undefined;
  return { line: priced, discount };
}

function isGoodQuantity(qty: number): boolean {
  return Number.isInteger(qty) && qty >= 1 && qty <= MAX_QTY;
}

/**
 * The flash price of a combination, if the sale covers it, is on at `at` (start inclusive, end
 * exclusive, as isFlashActive says) and the units the cart asks of the sale (`qty`, this line's
 * and the sale's lines before it) are within the per-buyer limit. Two things are not checked
 * here because pricing cannot know them: units left in the flash stock, and what this buyer
 * bought in earlier orders. The authority checks both when it takes intents in `sentAt` order.
 */
function flashPrice(product: Product, combination: CombinationId | undefined, label: string, qty: number, at: Millis): Special {
  const { flash, id, name } = product;
  if (flash === undefined) {
    return { problem: problem('no-flash-sale', `${name} has no flash sale`, id) };
  }
  const price = offerPrice(flash, combination);
  if (price === undefined) {
    return { problem: problem('no-flash-sale', `The flash sale on ${name} does not include ${label}`, id) };
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
  return { price, label: 'Flash sale price' };
}

/**
 * The team price. Starting a team uses today's offer for the chosen combination; joining uses
 * the price the team was started at, which is locked into the Team record: a seller who changes
 * the offer later must not change the deal for people who are already in, or are joining, a
 * team in progress. A team is for its starter's combination, unless the offer said any (then
 * each member's combination at the price locked for it). Whether the team is still forming
 * (and not past its deadline) is the authority's check.
 */
function teamPrice(product: Product, combination: CombinationId | undefined, label: string, ctx: LineContext): Special {
  const { id, name } = product;
  if (ctx.choice === undefined) {
    return { problem: teamMismatch(product, 'is a team line, but no team was started or joined') };
  }
  if (product.team === undefined) {
    return { problem: problem('no-team-offer', `${name} has no team offer`, id) };
  }
  if (ctx.choice.action === 'start') {
    const price = offerPrice(product.team, combination);
    return price === undefined
      ? { problem: problem('no-team-offer', `The team offer on ${name} does not include ${label}`, id) }
      : { price, label: 'Team price' };
  }
  const team = ctx.findTeam(ctx.choice.teamId);
  if (team === undefined || team.productId !== id) {
    return { problem: problem('unknown-team', `Team ${ctx.choice.teamId} is not a team for ${name}`, id) };
  }
  const price = team.anyCombination === true
    ? offerPrice({ price: team.price, combinations: team.prices }, combination)
    : team.combination === combination ? team.price : undefined;
  if (price === undefined) {
    return { problem: problem('unknown-team', `Team ${ctx.choice.teamId} is not a team for ${label}`, id) };
  }
  return { price, label: 'Team price (locked when the team started)' };
}

function teamMismatch(product: Product, why: string): PricingProblem {
  return problem('team-mode-mismatch', `${product.name} ${why}`, product.id);
}
