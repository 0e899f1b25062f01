/**
 * The in-memory catalog index: its answers against a plain reference (filter every record,
 * sort, slice: what storage's `listProducts` does), on fixed cases and on random catalogs,
 * queries and sequences of updates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProductId } from '../../src/domain/index.ts';
import { fieldWords, matchScore, searchPlan } from '../../src/engines/search/search-words.ts';
import { demoProducts } from '../../src/app/demo/demo-catalog.ts';
import { SearchIndex, type CatalogRecord, type CatalogSort, type IndexPage, type IndexQuery } from '../../src/engines/search/search-index.ts';

const rec = (id: string, name: string, category: string, price: number, extra: Partial<CatalogRecord> = {}): CatalogRecord => ({
  id: id as ProductId, name, category, tags: [], price, hidden: false, ...extra,
});

const CATALOG: CatalogRecord[] = [
  rec('tea', 'Green Tea', 'Tea', 1500, { tags: ['organic', 'loose-leaf'] }),
  rec('longjing', '西湖龙井绿茶', '茶叶', 6800, { tags: ['明前'] }),
  rec('teapot', 'Clay Teapot', 'Teaware', 12000, { tags: ['yixing'] }),
  rec('cups', 'Tea Cups (set of 4)', 'Teaware', 3000),
  rec('duck', 'Roast Duck', 'Food', 3000),
  rec('secret', 'Secret Tea', 'Tea', 999, { hidden: true }),
];

const all = { offset: 0, limit: 100 };
const ids = (index: SearchIndex, q: Partial<IndexQuery>) => index.query({ ...all, ...q }).ids;

/** What storage's listProducts answers, the slow way. */
function reference(records: readonly CatalogRecord[], q: IndexQuery): IndexPage {
  const byId = new Map(records.map((r) => [r.id, r]));
  const plan = searchPlan(q.search ?? '');
  const score = new Map<CatalogRecord, number>();
  const found = [...byId.values()].filter((r) => {
    if (r.hidden && !q.includeHidden) return false;
    if (q.category !== undefined && r.category !== q.category) return false;
    if (plan.terms.length === 0) return true;
    score.set(r, matchScore(plan, fieldWords(r.name, r.category, r.tags)));
    return score.get(r)! > 0;
  });
  const byName = (a: CatalogRecord, b: CatalogRecord) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorts: Record<CatalogSort, (a: CatalogRecord, b: CatalogRecord) => number> = {
    relevance: (a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || byName(a, b),
    name: byName,
    'price-asc': (a, b) => a.price - b.price || byName(a, b),
    'price-desc': (a, b) => b.price - a.price || byName(a, b),
  };
  found.sort(sorts[q.sort ?? 'name']);
  const offset = Math.max(0, q.offset);
  return { ids: found.slice(offset, offset + Math.max(0, q.limit)).map((r) => r.id), total: found.length };
}

describe('SearchIndex: queries', () => {
  const index = SearchIndex.build(CATALOG);

  it('finds by word prefix of name or category, or a whole tag; every typed word must match; hidden products never', () => {
    expect(ids(index, { search: 'tea' })).toEqual(['teapot', 'tea', 'cups']); // Clay Teapot, Green Tea, Tea Cups
    expect(ids(index, { search: 'TEA cup' })).toEqual(['cups']);
    expect(ids(index, { search: 'organic' })).toEqual(['tea']); // a tag, whole
    expect(ids(index, { search: 'organ' })).toEqual([]); // not the start of a tag: tags are labels
    expect(ids(index, { search: 'food' })).toEqual(['duck']); // the category
    expect(ids(index, { search: 'tea nothing' })).toEqual([]);
    expect(ids(index, { search: 'secret' })).toEqual([]);
    expect(ids(index, { search: 'secret', includeHidden: true })).toEqual(['secret']);
    expect(index.query({ ...all, search: 'zzz' })).toEqual({ ids: [], total: 0 });
    expect(ids(index, { search: '  ' })).toEqual(['teapot', 'tea', 'duck', 'cups', 'longjing']);
  });

  it('finds a Chinese name by any part of it (character pairs)', () => {
    for (const q of ['龙井', '西湖龙井', '绿茶', '茶', '湖', '龙井绿茶', '茶叶', '明前']) expect(ids(index, { search: q }), q).toEqual(['longjing']);
    expect(ids(index, { search: '红茶' })).toEqual([]);
  });

  it('filters by category, and sorts by name or price both ways, ties by name', () => {
    expect(ids(index, { category: 'Teaware', sort: 'price-asc' })).toEqual(['cups', 'teapot']);
    expect(ids(index, { category: 'Tea' })).toEqual(['tea']);
    expect(ids(index, { category: 'Tea', includeHidden: true })).toEqual(['tea', 'secret']);
    expect(ids(index, { category: 'Nope' })).toEqual([]);
    expect(ids(index, { category: 'Food', search: 'green' })).toEqual([]);
    // Equal prices (Roast Duck, Tea Cups) by name in both directions.
    expect(ids(index, { sort: 'price-desc' })).toEqual(['teapot', 'longjing', 'duck', 'cups', 'tea']);
    expect(ids(index, { sort: 'price-asc' })).toEqual(['tea', 'duck', 'cups', 'longjing', 'teapot']);
  });

  it('pages: offset and limit, with the total of all matches', () => {
    const pages = [0, 2, 4].map((offset) => index.query({ sort: 'price-asc', offset, limit: 2 }));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.flatMap((p) => p.ids)).toEqual(ids(index, { sort: 'price-asc' }));
    expect(index.query({ search: 'tea', offset: 1, limit: 1 })).toEqual({ ids: ['tea'], total: 3 });
    expect(index.query({ search: 'tea', offset: 9, limit: 5 })).toEqual({ ids: [], total: 3 });
    expect(index.query({ search: 'tea', offset: -3, limit: 1 })).toEqual({ ids: ['teapot'], total: 3 });
    expect(index.query({ offset: 0, limit: 0 })).toEqual({ ids: [], total: 5 });
  });

  it('answers like the reference on many queries (the same words, orders and totals)', () => {
    for (const search of ['', 't', 'te', 'tea', 'tea c', 'c', '茶', '龙', 'l', 'x']) {
      for (const sort of ['relevance', 'name', 'price-asc', 'price-desc'] as const) {
        const q = { search, sort, offset: 1, limit: 3 };
        expect(index.query(q), JSON.stringify(q)).toEqual(reference(CATALOG, q));
      }
    }
  });

  it('sorts names in the given locale (default: the runtime’s, as localeCompare)', () => {
    const records = [rec('a', 'äpple', 'X', 1), rec('b', 'zebra', 'X', 1), rec('c', 'apple', 'X', 1)];
    expect(ids(SearchIndex.build(records), {})).toEqual(['c', 'a', 'b']);
    expect(ids(SearchIndex.build(records, { locale: 'sv' }), {})).toEqual(['c', 'b', 'a']); // Swedish: ä after z
  });

  it('keeps working when the generation numbers wrap around', () => {
    const wrapping = SearchIndex.build(CATALOG);
    (wrapping as unknown as { generation: number }).generation = 0xffffffff - 2;
    for (let i = 0; i < 5; i++) expect(ids(wrapping, { search: 'tea cup' })).toEqual(['cups']);
  });
});

describe('SearchIndex: the demo shop, searched as a buyer would', () => {
  const demo = SearchIndex.build(demoProducts(0).map(({ product: p }) => ({ id: p.id, name: p.name, category: p.category, tags: p.tags, price: p.price, hidden: p.hidden })));
  const best = (search: string) => demo.query({ search, sort: 'relevance', offset: 0, limit: 10 }).ids;

  it('does not take a tag that only begins with the word ("tea" is not "team")', () => {
    expect(best('tea')).not.toContain('dumpling'); // tagged "team"
    expect(best('team')).toEqual(['dumpling']);
  });

  it('ranks whole words of the name first, then the start of a word, then the category', () => {
    // The oolong, tagged tea, after those named tea and before one with tea only in its category.
    expect(best('tea')).toEqual(['bubble-tea', 'teacup-without-handle', 'teapot', 'oolong', 'hot-beverage']);
  });

  it('finds a Chinese name inside its words, and without the noun suffix 子 or 儿', () => {
    expect(best('饺子')).toEqual(['dumpling']); // 速冻水饺
    expect(best('水饺')).toEqual(['dumpling']);
    expect(best('袜子')).toEqual(['socks']); // 羊毛袜
    expect(best('帽子')).toEqual(['billed-cap']); // 棒球帽
    expect(best('燕子')).toEqual(['kite']); // 燕子风筝: the whole word is there
  });

  it('ranks the whole word above its stem', () => {
    const index = SearchIndex.build([rec('a', '猪肉水饺', 'Food', 1), rec('b', '猪肉饺子', 'Food', 1)]);
    expect(index.query({ search: '饺子', sort: 'relevance', offset: 0, limit: 5 }).ids).toEqual(['b', 'a']);
  });

  it('suggests, when nothing is found: the word put right, the closest names, categories', () => {
    expect(best('choclate')).toEqual([]);
    expect(demo.suggest('choclate')).toMatchObject({ query: 'chocolate', products: [{ id: 'chocolate-bar' }], categories: ['Snacks'] });
    expect(demo.suggest('dark choco')).toMatchObject({ products: [{ id: 'chocolate-bar' }] });
    expect(best('红茶')).toEqual([]);
    // Tea is the thing (the last character counts double), red only describes it.
    expect(demo.suggest('红茶')).toEqual({
      products: [
        { id: 'teacup-without-handle', name: 'Longjing green tea 龙井茶 (100 g)' },
        { id: 'bubble-tea', name: 'Bubble tea kit 奶茶套装' },
        { id: 'red-paper-lantern', name: 'Red lanterns 红灯笼 (pair)' },
      ],
      categories: ['Tea & Coffee', 'Home'],
    });
    // Nothing close at all: the largest categories.
    expect(demo.suggest('qqqq')).toEqual({ products: [], categories: ['Fruit', 'Snacks', 'Clothing'] });
  });
});

describe('SearchIndex: building', () => {
  it('builds the same from chunks as from one list, a repeated id counting once (the last)', () => {
    const renamed = { ...CATALOG[0]!, name: 'Yellow Tea' };
    const builder = SearchIndex.builder();
    builder.add(CATALOG.slice(0, 2));
    builder.add([]);
    builder.add(CATALOG.slice(2));
    builder.add([renamed]);
    const chunked = builder.finish();
    expect(chunked.size).toBe(CATALOG.length);
    expect(chunked.get(renamed.id)).toEqual(renamed);
    expect(ids(chunked, { search: 'green' })).toEqual([]);
    expect(ids(chunked, { search: 'yellow' })).toEqual(['tea']);
    expect(ids(chunked, { search: 'tea' })).toEqual(['teapot', 'cups', 'tea']);
    expect(() => builder.add([])).toThrow();
    expect(SearchIndex.build([...CATALOG, renamed]).query({ ...all, search: 't' })).toEqual(chunked.query({ ...all, search: 't' }));
  });

  it('is empty with no records, and can grow from there', () => {
    const index = SearchIndex.build([]);
    expect(index.query(all)).toEqual({ ids: [], total: 0 });
    expect(index.query({ ...all, search: 'tea' })).toEqual({ ids: [], total: 0 });
    for (const r of CATALOG) index.upsert(r);
    expect(index.query({ ...all, search: 'tea', sort: 'price-desc' })).toEqual(reference(CATALOG, { ...all, search: 'tea', sort: 'price-desc' }));
  });

  it('reports its size and memory', () => {
    const stats = SearchIndex.build(CATALOG).stats();
    expect(stats).toMatchObject({ products: 6, slots: 6 });
    expect(stats.words).toBeGreaterThan(10);
    expect(stats.postings).toBeGreaterThan(stats.words - 1);
    expect(stats.typedBytes).toBeGreaterThan(0);
  });
});

describe('SearchIndex: updates', () => {
  it('applies a saved product: renamed, re-priced, hidden, moved to another category, removed', () => {
    const index = SearchIndex.build(CATALOG);
    expect(index.upsert(CATALOG[2]!)).toBe(false); // unchanged
    expect(index.upsert({ ...CATALOG[2]!, price: 500 })).toBe(true);
    expect(ids(index, { sort: 'price-asc' })[0]).toBe('teapot');
    expect(index.upsert({ ...CATALOG[2]!, price: 500, hidden: true })).toBe(true);
    expect(ids(index, { search: 'teapot' })).toEqual([]);
    expect(index.upsert({ ...CATALOG[3]!, name: 'Porcelain Cups' })).toBe(true);
    expect(ids(index, { search: 'tea' })).toEqual(['tea', 'cups']); // Porcelain Cups still in Teaware
    expect(ids(index, { search: 'tea cup' })).toEqual(['cups']);
    expect(ids(index, { search: 'porc' })).toEqual(['cups']);
    expect(index.upsert({ ...CATALOG[4]!, category: 'Poultry' })).toBe(true);
    expect(ids(index, { category: 'Food' })).toEqual([]);
    expect(ids(index, { category: 'Poultry' })).toEqual(['duck']);
    expect(index.remove('tea' as ProductId)).toBe(true);
    expect(index.remove('tea' as ProductId)).toBe(false);
    expect(index.has('tea' as ProductId)).toBe(false);
    expect(ids(index, {})).toEqual(['cups', 'duck', 'longjing']);
    expect(index.upsert(rec('new', 'Aged Tea', 'Tea', 2000))).toBe(true);
    expect(ids(index, { search: 'tea' })).toEqual(['new', 'cups']);
    expect(index.size).toBe(6); // hidden ones too
    expect([...index.productIds()].sort()).toEqual(['cups', 'duck', 'longjing', 'new', 'secret', 'teapot']);
  });

  it('compacts dead slots away without changing any answer', () => {
    const index = SearchIndex.build(CATALOG);
    for (let i = 0; i < 3; i++) index.upsert({ ...CATALOG[i]!, name: `${CATALOG[i]!.name} v2` });
    index.remove('duck' as ProductId);
    const before = ['', 'tea', 'v2', '茶'].map((search) => index.query({ ...all, search, sort: 'price-desc', includeHidden: true }));
    expect(index.stats().slots).toBe(9);
    index.compact();
    expect(index.stats()).toMatchObject({ products: 5, slots: 5 });
    expect(['', 'tea', 'v2', '茶'].map((search) => index.query({ ...all, search, sort: 'price-desc', includeHidden: true }))).toEqual(before);
  });
});

/* ------------------------------------------------------------------ random catalogs */

const WORDS = ['tea', 'teapot', 'team', 'green', 'Gre', 'cup', 'cups', 'Äpfel', 'apple', 'zebra', '绿茶', '茶叶', '茶', 'T恤', '4', '10'];
const wordArb = fc.constantFrom(...WORDS);
const recordArb = fc.record({
  id: fc.integer({ min: 0, max: 40 }).map((n) => `p${n}` as ProductId),
  name: fc.array(wordArb, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
  category: fc.constantFrom('Tea', 'Teaware', 'Food'),
  tags: fc.array(fc.constantFrom('gift', 'new', '礼品', 'tea', 'team', '茶子'), { maxLength: 2 }),
  price: fc.integer({ min: 1, max: 6 }).map((n) => n * 100),
  hidden: fc.boolean(),
});
const queryArb: fc.Arbitrary<IndexQuery> = fc.record({
  search: fc.array(fc.constantFrom('t', 'te', 'tea', 'team', 'g', 'c', 'cup', 'äp', 'a', '茶', '绿茶', '茶叶', '茶子', '礼', 'z', 'x', '1'), { maxLength: 2 }).map((ts) => ts.join(' ')),
  category: fc.option(fc.constantFrom('Tea', 'Teaware', 'Food', 'None'), { nil: undefined }),
  sort: fc.constantFrom<CatalogSort>('relevance', 'name', 'price-asc', 'price-desc'),
  offset: fc.integer({ min: 0, max: 8 }),
  limit: fc.integer({ min: 0, max: 12 }),
  includeHidden: fc.boolean(),
});

/** The catalog after a list of changes: an upsert (a record) or a remove (an id). */
function applied(start: readonly CatalogRecord[], changes: readonly (CatalogRecord | ProductId)[]): CatalogRecord[] {
  const byId = new Map(start.map((r) => [r.id, r]));
  for (const c of changes) {
    if (typeof c === 'string') byId.delete(c);
    else byId.set(c.id, c);
  }
  return [...byId.values()];
}

describe('SearchIndex: random catalogs', () => {
  it('answers every query like the reference', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), fc.array(queryArb, { minLength: 1, maxLength: 8 }), (records, queries) => {
        const index = SearchIndex.build(records);
        for (const q of queries) expect(index.query(q)).toEqual(reference(applied([], records), q));
      }),
      { numRuns: 300 },
    );
  });

  it('answers like the reference after any sequence of upserts and removes (and compactions)', () => {
    const change = fc.oneof(recordArb, fc.integer({ min: 0, max: 40 }).map((n) => `p${n}` as ProductId));
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 30 }), fc.array(change, { maxLength: 60 }), queryArb, fc.boolean(), (records, changes, q, compact) => {
        const index = SearchIndex.build(records);
        for (const c of changes) {
          if (typeof c === 'string') index.remove(c);
          else index.upsert(c);
        }
        if (compact) index.compact();
        const now = applied(records, changes);
        expect(index.size).toBe(now.length);
        expect(index.query(q)).toEqual(reference(now, q));
        for (const r of now) expect(index.get(r.id)).toEqual({ ...r, tags: [...r.tags] });
      }),
      { numRuns: 300 },
    );
  });

  it('compacts by itself after many changes, answering the same', () => {
    const records = Array.from({ length: 600 }, (_, i) => rec(`p${i}`, `${WORDS[i % WORDS.length]} ${i}`, i % 3 ? 'Tea' : 'Food', (i % 17) * 10));
    const index = SearchIndex.build(records);
    const changes: (CatalogRecord | ProductId)[] = [];
    for (let i = 0; i < 600; i += 2) changes.push({ ...records[i]!, name: `renamed ${records[i]!.name}` });
    for (let i = 1; i < 600; i += 4) changes.push(records[i]!.id);
    for (const c of changes) {
      if (typeof c === 'string') index.remove(c);
      else index.upsert(c);
    }
    expect(index.stats().slots).toBeLessThan(600 + 300); // compacted at least once
    const now = applied(records, changes);
    for (const search of ['', 'ren', 'tea', '1', '绿']) {
      for (const sort of ['relevance', 'name', 'price-asc', 'price-desc'] as const) {
        const q = { search, sort, offset: 5, limit: 30 };
        expect(index.query(q)).toEqual(reference(now, q));
      }
    }
  });
});
