/**
 * What the schema's versions add up to, for backups. Apart from schema.ts, which the first
 * screen loads (it opens the database), as only a backup needs these.
 */
import { VERSIONS, type SchemaVersion } from './schema.ts';

/** The newest version: what `exportBackup` records and `importBackup` accepts. */
export const SCHEMA_VERSION: number = VERSIONS[VERSIONS.length - 1]!.version;

/** The tables that exist after applying every version up to `version` (a `null` store deletes one). */
export function tablesAt(version: number = SCHEMA_VERSION): string[] {
  const tables = new Map<string, string>();
  for (const v of VERSIONS as readonly SchemaVersion[]) {
    if (v.version > version) break;
    for (const [name, spec] of Object.entries(v.stores)) {
      if (spec === null) tables.delete(name);
      else tables.set(name, spec);
    }
  }
  return [...tables.keys()].sort();
}
