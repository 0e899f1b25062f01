/**
 * CSV as RFC 4180 has it, and as spreadsheets write it: fields separated by commas, records by
 * CRLF or LF (or a lone CR); a field in double quotes may hold commas, quotes (doubled) and line
 * breaks, kept exactly as written. A UTF-8 byte order mark at the start (Excel writes one) is
 * dropped, and so are blank lines (a spreadsheet often leaves some at the end). Pure: no DOM.
 */
import { problem, type CsvProblem } from './problems.ts';

export interface CsvRecord {
  /** The line the record begins on, counting from 1 (after a quoted line break, lines go on counting). */
  line: number;
  fields: string[];
}

export interface CsvLimits {
  /** Records in all, the header included. */
  maxRecords: number;
  /** Characters of text (UTF-16 code units: a Chinese character counts one, as it takes 3 bytes in UTF-8). */
  maxChars: number;
}

/** A header and 50,000 rows, 10 MB: far past a small shop's catalog, and still quick on a phone. */
export const CSV_LIMITS: CsvLimits = { maxRecords: 50_001, maxChars: 10 * 1024 * 1024 };

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; error: CsvProblem };

const BOM = '\uFEFF';
/** The end of an unquoted field. */
const FIELD_END = /[,\r\n]/g;

/** Line breaks in `s` (CRLF, LF or a lone CR each count one). */
function breaksIn(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

const isBlank = (fields: readonly string[]) => fields.length === 1 && fields[0] === '';

export function parseCsv(input: string, limits: CsvLimits = CSV_LIMITS): CsvParse {
  if (input.length > limits.maxChars) {
    const mb = Math.round(limits.maxChars / (1024 * 1024));
    return { ok: false, error: problem(1, 'too-big', `the file is too big: at most ${mb} MB`, { mb }) };
  }
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const n = text.length;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endRecord = (): CsvProblem | undefined => {
    if (!isBlank(fields)) records.push({ line: recordLine, fields });
    fields = [];
    recordLine = line;
    if (records.length > limits.maxRecords) {
      const rows = limits.maxRecords - 1;
      return problem(records[records.length - 1]!.line, 'too-many-rows', `the file has too many rows: at most ${rows.toLocaleString('en-US')}`, { rows });
    }
    return undefined;
  };

  while (i < n) {
    // One field, starting at i.
    if (text.charCodeAt(i) === 34 /* " */) {
      const startLine = line;
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          return { ok: false, error: problem(startLine, 'unterminated-quote', `a quoted cell that begins on line ${startLine} is never closed (a " is missing)`, { start: startLine }) };
        }
        const chunk = text.slice(i, q);
        line += breaksIn(chunk);
        value += chunk;
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== 44 && next !== 13 && next !== 10) {
        return { ok: false, error: problem(line, 'after-quote', 'text follows a closing quote; a " inside a quoted cell must be doubled ("")') };
      }
      fields.push(value);
    } else {
      FIELD_END.lastIndex = i;
      const end = FIELD_END.exec(text)?.index ?? n;
      fields.push(text.slice(i, end));
      i = end;
    }
    // What follows the field: a comma, a line break or the end.
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) {
      i++;
      if (i === n) fields.push(''); // "a,b," ends with an empty field
      continue;
    }
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    const tooMany = endRecord();
    if (tooMany) return { ok: false, error: tooMany };
  }
  if (fields.length > 0) {
    const tooMany = endRecord();
    if (tooMany) return { ok: false, error: tooMany };
  }
  return { ok: true, records };
}
