/**
 * The domain validator's problems ("team.price: must be ...") as problems of a row's cells
 * (`team_price`). The rules stay the validator's; this only says its words in the file's terms
 * (amounts in major units, column names) and gives the common ones a code the UI translates.
 * Anything not recognised keeps the validator's English words (code 'invalid').
 */
import { problem, type CsvErrorCode, type CsvProblem } from './problems.ts';
import { formatMinor } from './values.ts';

type Pattern = [RegExp, CsvErrorCode, (m: RegExpExecArray) => Record<string, string>];

const PATTERNS: readonly Pattern[] = [
  [/^is required$/, 'required', () => ({})],
  [/^must not be blank$/, 'blank', () => ({})],
  [/^must be at most (\d+) characters, got (\d+)$/, 'too-long', (m) => ({ max: m[1]!, got: m[2]! })],
  [/^must have at most (\d+) items, got (\d+)$/, 'too-many', (m) => ({ max: m[1]!, got: m[2]! })],
  [/^must be a whole number from (-?\d+) to (-?\d+), got (.*)$/, 'range', (m) => ({ min: m[1]!, max: m[2]!, got: m[3]! })],
  [/^must be an amount from (\S+) to (\S+), got (\S+)$/, 'amount-range', (m) => ({ min: m[1]!, max: m[2]!, got: m[3]! })],
  [/^must be after flash_starts_at$/, 'ends-before-start', () => ({})],
  [/^must be a time in whole milliseconds between (\S+) and (\S+), got/, 'time-range', (m) => ({ from: m[1]!, to: m[2]! })],
  [/^must be an id \(/, 'bad-id', () => ({})],
  [/^must not contain control characters or new lines$/, 'one-line', () => ({})],
  [/^must be an attachment name or an http\(s\) address, not a "([^"]*):" address$/, 'photo', (m) => ({ scheme: m[1]! })],
];

export function fromValidator<C extends string>(
  line: number, error: string, digits: number, columnOf: Readonly<Record<string, C>>, moneyColumns: ReadonlySet<C>,
): CsvProblem {
  const sep = error.indexOf(': ');
  const path = sep < 0 ? '' : error.slice(0, sep);
  let message = sep < 0 ? error : error.slice(sep + 2);
  const m = /^([A-Za-z.]+)(?:\[(\d+)\])?$/.exec(path);
  const column = m ? columnOf[m[1]!] : undefined;
  message = message.replace(/\bstartsAt\b/g, 'flash_starts_at').replace(/\bendsAt\b/g, 'flash_ends_at');
  if (column !== undefined && moneyColumns.has(column)) {
    // The file speaks in major units: say the range in them too.
    const major = (s: string) => formatMinor(Number(s), digits);
    message = message.replace(/a whole number of minor units from (-?\d+) to (-?\d+), got (-?\d+)$/, (_, a: string, b: string, got: string) => `an amount from ${major(a)} to ${major(b)}, got ${major(got)}`);
  }
  message = message.replace(/^must be a time in whole milliseconds between/, 'must be a time between');
  let code: CsvErrorCode = 'invalid';
  let params: Record<string, string | number> = { message };
  for (const [re, c, read] of PATTERNS) {
    const found = re.exec(message);
    if (found) {
      code = c;
      params = read(found);
      break;
    }
  }
  // An item of a list (a tag, a photo) is named by its place: "item 3".
  if (m?.[2] !== undefined) {
    const item = Number(m[2]) + 1;
    params = { ...params, item };
    message = `item ${item}: ${message}`;
  }
  return problem(line, code, message, params, column);
}
