/** What is wrong with a backup, where: the table, the row and the field, and its kind. */
export interface Damage {
  table: string;
  /** 1 for the first row; 0 for the table as a whole. */
  row: number;
  /** The field's path in the row (`amount`, `value.lines[0].qty`), or '' for the whole row. */
  field: string;
  /** What is wrong, in English (the UI says the kind of it in the reader's language). */
  problem: string;
  kind: DamageKind;
}

/** What kind of damage, for the person in their language. */
export type DamageKind = 'missing' | 'wrong' | 'newer' | 'reference' | 'duplicate';

/** The kind of a validator's message. */
function kindOf(problem: string): DamageKind {
  if (/unsupported version/.test(problem)) return 'newer';
  if (problem === 'is required') return 'missing';
  if (/^repeats /.test(problem)) return 'duplicate';
  if (/^does not match|^names no |^is not the sum/.test(problem)) return 'reference';
  return 'wrong';
}

export function damage(table: string, index: number, error: string): Damage {
  const at = error.indexOf(': ');
  const field = at < 0 ? '' : error.slice(0, at);
  const problem = at < 0 ? error : error.slice(at + 2);
  return { table, row: index + 1, field: field === 'document' ? '' : field, problem, kind: kindOf(problem) };
}

/** The message `BackupError` carries, in English. */
export function damageText(d: Damage): string {
  const where = `${d.row === 0 ? '' : `row ${d.row} of `}the table '${d.table}'${d.field === '' ? '' : `, field '${d.field}'`}`;
  return d.kind === 'newer'
    ? `This backup was made by a newer app version (${where}: ${d.problem}). Update the app, then restore it.`
    : `This backup is damaged: ${where}: ${d.problem}.`;
}

