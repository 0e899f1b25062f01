/**
 * What is wrong with a CSV file, row by row. Each problem has a code and parameters (which
 * the UI translates) and a plain English `message` (for logs, tests, and problems that come
 * from the domain's validator, whose words are English only).
 */
export type CsvErrorCode =
  | 'empty'
  | 'too-big'
  | 'too-many-rows'
  | 'unterminated-quote'
  | 'after-quote'
  | 'no-key-column'
  | 'no-key'
  | 'ambiguous-name'
  | 'new-product'
  | 'not-below-price'
  // A flash sale promising more units than the shelf holds (the sale's units come off the stock).
  | 'over-stock'
  | 'unknown-columns'
  | 'repeated-columns'
  | 'no-rows'
  | 'field-count'
  | 'number'
  | 'money'
  | 'money-decimals'
  | 'money-large'
  | 'bool'
  | 'time'
  | 'duplicate-id'
  // A product with options (catalog-options.ts): an option cell without its group ("Weight: 250 g").
  | 'option-cell'
  // Which combinations an offer covers (team_cover, flash_cover): a cell that is none of true,
  // false or an amount; one on a product without options, or naming an offer the product lacks;
  // and an offer that would cover none of them.
  | 'cover-cell'
  | 'cover-no-options'
  | 'cover-no-offer'
  | 'cover-none'
  // team_any true on a product without options (a team of one combination has nothing to mix).
  | 'any-no-options'
  // The domain validator's common problems (from-validator.ts); 'invalid' keeps its own words.
  | 'required'
  | 'blank'
  | 'too-long'
  | 'too-many'
  | 'range'
  | 'amount-range'
  | 'ends-before-start'
  | 'time-range'
  | 'bad-id'
  | 'one-line'
  | 'photo'
  | 'invalid';

export type CsvParams = Readonly<Record<string, string | number>>;

export interface CsvProblem {
  /** The file's line where the row begins (1 is the first line; a quoted cell may span lines). */
  line: number;
  /** The column's name in the header, when the problem is one cell's. */
  column?: string;
  code: CsvErrorCode;
  params: CsvParams;
  message: string;
}

export function problem(line: number, code: CsvErrorCode, message: string, params: CsvParams = {}, column?: string): CsvProblem {
  return column === undefined ? { line, code, params, message } : { line, column, code, params, message };
}

/** A short, quoted echo of what was in a cell, never the whole of a huge one. */
export function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
}

/** "Line 7, price: must be ..." in English. */
export function describeProblem(p: CsvProblem): string {
  return p.column === undefined ? `Line ${p.line}: ${p.message}` : `Line ${p.line}, ${p.column}: ${p.message}`;
}
