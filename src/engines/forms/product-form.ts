/**
 * The seller's product form as pure functions: what was typed (strings) → a `Product` and its
 * shelf stock, or what is wrong, keyed by field. The rules are the domain's (`validateProduct`,
 * the stock check of `product.save`): this file adds only what a form knows and a document
 * cannot, such as "that is not a number". The readers and error kinds the forms share are
 * form-reading.ts's (re-exported here for the product form's users).
 */
import { flashBeyondStock, type FlashSale, type Inventory, type Product, type ProductId, type Result, type TeamOffer } from '../../domain/index.ts';
import { STOCK } from '../../domain/validate/catalog.ts';
import { run } from '../../domain/validate/check.ts';
import { validateProduct } from '../../domain/validate/index.ts';

export * from './form-reading.ts';
import { type FieldErrors, type FormResult, type MoneyReader, readWhole, readMoney, readLocalTime, localTimeText, FormReading, crossCheck, REQUIRED } from './form-reading.ts';
import { ALL_COMBINATIONS, offerCoverValues, type OfferCover } from './product-offer-cover.ts';

/* ------------------------------------------------------------------ the product form */

export interface ProductFormValues {
  id: string;
  name: string;
  description: string;
  category: string;
  /** Comma separated. */
  tags: string;
  price: string;
  stock: string;
  /** Photo references (attachment names such as `photo-<uuid>.webp`, or the demo's paths). */
  photos: string[];
  hidden: boolean;
  team: boolean;
  teamPrice: string;
  teamSize: string;
  teamWindowHours: string;
  /** A product with options: which combinations the team buy covers (product-offer-cover.ts). */
  teamCover: OfferCover;
  /** A product with options: one team may mix combinations (else it is for the one its starter chose). */
  teamAny: boolean;
  flash: boolean;
  flashPrice: string;
  flashStartsAt: string;
  flashEndsAt: string;
  flashStock: string;
  flashPerBuyerLimit: string;
  /** A product with options: which combinations the flash sale covers. */
  flashCover: OfferCover;
}

/** A new product's blank form; `now` suggests a flash sale from the next hour, for a day. */
export function emptyProductForm(id: string, now: number): ProductFormValues {
  const hour = Math.ceil(now / 3_600_000) * 3_600_000;
  return {
    id, name: '', description: '', category: '', tags: '', price: '', stock: '0', photos: [], hidden: false,
    team: false, teamPrice: '', teamSize: '2', teamWindowHours: '24', teamCover: ALL_COMBINATIONS, teamAny: false,
    flash: false, flashPrice: '', flashStartsAt: localTimeText(hour), flashEndsAt: localTimeText(hour + 86_400_000), flashStock: '', flashPerBuyerLimit: '1',
    flashCover: ALL_COMBINATIONS,
  };
}

/** The form filled from a product as it is, with its shelf stock. */
export function productFormValues(product: Product, inventory: Inventory | undefined, reader: MoneyReader, now: number): ProductFormValues {
  const empty = emptyProductForm(product.id, now);
  const { team, flash } = product;
  return {
    ...empty,
    name: product.name,
    description: product.description,
    category: product.category,
    tags: product.tags.join(', '),
    price: reader.moneyText(product.price),
    stock: String(inventory?.stock ?? 0),
    photos: [...product.photos],
    hidden: product.hidden,
    ...(team && {
      team: true, teamPrice: reader.moneyText(team.price), teamSize: String(team.size), teamWindowHours: String(team.windowHours),
      teamCover: offerCoverValues(team, reader), teamAny: team.anyCombination === true,
    }),
    ...(flash && {
      flash: true,
      flashPrice: reader.moneyText(flash.price),
      flashStartsAt: localTimeText(flash.startsAt),
      flashEndsAt: localTimeText(flash.endsAt),
      flashStock: String(flash.stock),
      flashPerBuyerLimit: String(flash.perBuyerLimit),
      flashCover: offerCoverValues(flash, reader),
    }),
  };
}

/**
 * A team or flash price at or above the regular price is no offer: the form and the CSV import
 * refuse it, said of the offer's price (the domain takes it, so products saved before stay readable).
 */
export function specialPriceErrors(p: { price?: unknown; team?: { price?: unknown }; flash?: { price?: unknown } }): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof p.price !== 'number') return errors;
  for (const [field, offer] of [['team.price', p.team], ['flash.price', p.flash]] as const) {
    if (typeof offer?.price === 'number' && offer.price >= p.price) errors[field] = { code: 'not-below-price', price: p.price };
  }
  return errors;
}

/** "tea, green，gift" → ['tea', 'green', 'gift']: commas of either width or 、, no blanks, no repeats. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,，、]/).map((t) => t.trim()).filter((t) => t !== ''))];
}

/** A product the domain takes, for `crossCheck`. */
const STAND_IN = { id: 'p', name: 'p', description: '', category: '', tags: [], price: 1, photos: [], hidden: false };
const STAND_IN_FLASH = { price: 1, stock: 1, perBuyerLimit: 1 };

/** The product path a domain error names → the form's field (`tags[3]` is the tags field). */
const productField = (path: string) => path.replace(/\[\d+\]$/, '');

/**
 * Reads the product form. `original` is the product as it was (if editing): an unchanged
 * flash-sale time keeps its exact value, so the sale (known by its start) keeps its count;
 * `soldInSale` is how many of that sale are sold already (the shop's `flashSold`). Without
 * `specialPrices` the team and flash prices are not measured against the price (a product whose
 * offers cover picked combinations measures them against each of theirs: product-offer-cover.ts).
 */
export function parseProductForm(
  v: ProductFormValues, reader: MoneyReader, original?: Product, soldInSale = 0, specialPrices = true,
): FormResult<{ product: Product; stock: number }> {
  const r = new FormReading();
  const price = r.take('price', readMoney(v.price, reader), REQUIRED);
  const stock = r.take('stock', readWhole(v.stock), REQUIRED);
  const product: Record<string, unknown> = {
    id: v.id as ProductId,
    name: v.name.trim(),
    description: v.description.trim(),
    category: v.category.trim(),
    tags: splitTags(v.tags),
    price,
    photos: [...v.photos],
    hidden: v.hidden,
  };
  if (v.team) {
    const team: Partial<TeamOffer> = {
      price: r.take('team.price', readMoney(v.teamPrice, reader), REQUIRED),
      size: r.take('team.size', readWhole(v.teamSize), REQUIRED),
      windowHours: r.take('team.windowHours', readWhole(v.teamWindowHours), REQUIRED),
    };
    product.team = team;
  }
  if (v.flash) {
    const was = original?.flash;
    const flash: Partial<FlashSale> = {
      price: r.take('flash.price', readMoney(v.flashPrice, reader), REQUIRED),
      startsAt: r.take('flash.startsAt', readLocalTime(v.flashStartsAt, was?.startsAt), REQUIRED),
      endsAt: r.take('flash.endsAt', readLocalTime(v.flashEndsAt, was?.endsAt), REQUIRED),
      stock: r.take('flash.stock', readWhole(v.flashStock), REQUIRED),
      perBuyerLimit: r.take('flash.perBuyerLimit', readWhole(v.flashPerBuyerLimit), REQUIRED),
    };
    product.flash = flash;
  }
  keepOptions(product, original);
  // The stock's own rule (the `product.save` command's), said of the stock field.
  const stockChecked = stock === undefined ? undefined : run(stock, STOCK);
  const stockErrors = stockChecked?.ok === false ? stockChecked.errors.map((e) => e.replace(/^document: /, 'stock: ')) : [];
  const checked = validateProduct(product);
  const both: Result<Product> = stockErrors.length === 0 ? checked : { ok: false, errors: [...(checked.ok ? [] : checked.errors), ...stockErrors] };
  let result = r.finish(both, productField);
  const special = specialPrices ? specialPriceErrors(product as Parameters<typeof specialPriceErrors>[0]) : {};
  if (Object.keys(special).length > 0) result = { ok: false, errors: { ...special, ...(result.ok ? {} : result.errors) } };
  // A sale's units come off the product's one stock: it may not promise more than is there
  // (what it sold already is off the stock too, so it counts on both sides).
  const flash = product.flash as Partial<FlashSale> | undefined;
  if (flash?.stock !== undefined && stock !== undefined && (result.ok || (result.errors['flash.stock'] === undefined && result.errors.stock === undefined))) {
    const sold = original?.flash !== undefined && original.flash.startsAt === flash.startsAt ? soldInSale : 0;
    if (flashBeyondStock({ stock: flash.stock }, stock, sold) > 0) {
      result = { ok: false, errors: { ...(result.ok ? {} : result.errors), 'flash.stock': { code: 'over-stock', max: stock + sold } } };
    }
  }
  if (!result.ok) {
    const { startsAt, endsAt } = flash ?? {};
    if (startsAt !== undefined && endsAt !== undefined) {
      crossCheck(result.errors, 'flash.endsAt', () => validateProduct({ ...STAND_IN, flash: { ...STAND_IN_FLASH, startsAt, endsAt } }));
    }
    return result;
  }
  return { ok: true, value: { product: result.value, stock: stock ?? 0 } };
}

/**
 * Read alone (the list's quick edit of price and stock), this keeps a product's option groups and
 * combinations, and which of them its offers cover, exactly as they are, so saving never takes
 * them away; the product form edits them through product-options-form.ts, which reads the rest here.
 */
function keepOptions(product: Record<string, unknown>, original: Product | undefined): void {
  if (original?.options === undefined || original.combinations === undefined) return;
  product.options = original.options;
  product.combinations = original.combinations;
  const team = product.team as Partial<TeamOffer> | undefined;
  if (team && original.team?.combinations) team.combinations = original.team.combinations;
  if (team && original.team?.anyCombination !== undefined) team.anyCombination = original.team.anyCombination;
  const flash = product.flash as Partial<FlashSale> | undefined;
  if (flash && original.flash?.combinations) flash.combinations = original.flash.combinations;
}
