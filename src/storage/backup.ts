/**
 * A backup file: every table and the settings, as plain JSON. `navigator.storage.persist()`
 * may be refused, and a browser may then clear the site's data; this is the way back.
 *
 * Restoring checks the whole file first (every row of every table, and what refers to what:
 * backup-rows.ts), then replaces every table in one transaction (all or nothing: a failure
 * leaves the database as it was), then the settings. Nothing is written unless all of it is
 * what this app writes: a damaged row would otherwise stop the shop (a balance of "x" made
 * every later decision fail to store) or show nonsense (a wallet of ¥NaN).
 */
import type { UseStore } from 'idb-keyval';
import type { Millis, Order } from '../domain/index.ts';
import { soldOfOrders } from '../domain/sold-count.ts';
import { cartRowsOfDevice } from './cart.ts';
import { skuRowOfInventory, type InventoryRowV5, type SoldRow } from './rows.ts';
import type { ShopDb } from './db.ts';
import { guardQuota } from './errors.ts';
import type { PhotoRow } from './photos.ts';
import { damageText, type Damage } from './backup-damage.ts';
import { checkReferences } from './backup-references.ts';
import { checkRows } from './backup-rows.ts';
import { SCHEMA_VERSION, tablesAt } from './schema-tables.ts';
import { settingsStore } from './settings.ts';
import { allSettings, checkSettings, replaceSettings, type BackedUpSettings } from './settings-backup.ts';

export const BACKUP_FORMAT = 'offline-shop-backup';
/** The file's own layout; bump it if the wrapper (not the tables) changes. */
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: Millis;
  /** The schema version of the rows (schema.ts). */
  schemaVersion: number;
  tables: Record<string, unknown[]>;
  settings: BackedUpSettings;
}

/**
 * Thrown by `importBackup` for a file it will not restore; `message` says why, in English, and
 * `damage` (for a damaged row) says where, for the UI to say it in the reader's language.
 */
export class BackupError extends Error {
  override readonly name = 'BackupError';

  constructor(message: string, readonly damage?: Damage) {
    super(message);
  }
}

/** Reads every table in one transaction, so the backup is one consistent moment. */
export async function exportBackup(db: ShopDb, exportedAt: Millis, store: UseStore = settingsStore()): Promise<Backup> {
  const names = tablesAt(SCHEMA_VERSION);
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', names, async () => {
    for (const name of names) tables[name] = await db.table(name).toArray();
  });
  // Photos are Blobs, which JSON cannot hold: they go as base64 (read after the transaction,
  // as reading a Blob is not an IndexedDB request and would let the transaction close).
  tables.photos = await Promise.all((tables.photos as PhotoRow[]).map(photoToJson));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, schemaVersion: SCHEMA_VERSION, tables, settings: await allSettings(store) };
}

/** A photo row as a backup file holds it: the Blob's bytes as base64 in `data`, its thumbnail's in `thumbData`. */
type PhotoJson = Omit<PhotoRow, 'blob' | 'thumb'> & { data: string; thumbData?: string };

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(data: string, type: string): Blob {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

async function photoToJson({ blob, thumb, ...row }: PhotoRow): Promise<PhotoJson> {
  return { ...row, data: await toBase64(blob), ...(thumb && { thumbData: await toBase64(thumb) }) };
}

function photoFromJson({ data, thumbData, ...row }: PhotoJson): PhotoRow {
  return { ...row, blob: fromBase64(data, row.type), ...(thumbData !== undefined && { thumb: fromBase64(thumbData, row.type) }) };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The primary key's property of each table, from its schema ('&id, …' → 'id'). */
function primaryKeys(db: ShopDb): Map<string, string> {
  return new Map(db.tables.map((t) => [t.name, t.schema.primKey.keyPath as string]));
}

/** Checks a parsed backup file; throws a `BackupError` that says what is wrong with it. */
export function checkBackup(db: ShopDb, data: unknown): Backup {
  if (!isObject(data) || data.format !== BACKUP_FORMAT) throw new BackupError('This file is not an Offline Shop backup.');
  const { version, schemaVersion } = data;
  if (!Number.isSafeInteger(version) || !Number.isSafeInteger(schemaVersion)) {
    throw new BackupError('This file is not an Offline Shop backup: it has no version.');
  }
  if ((version as number) > BACKUP_VERSION || (schemaVersion as number) > SCHEMA_VERSION) {
    throw new BackupError('This backup was made by a newer app version. Update the app, then restore it.');
  }
  // An older schema's rows are brought up to this one here. Versions 2 ('photos') and 3
  // ('sync') only added tables: an older backup has none of theirs, so they start empty.
  if (version !== BACKUP_VERSION || (schemaVersion as number) < 1) {
    throw new BackupError('This backup was made by an older app version that this one cannot restore.');
  }
  if (typeof data.exportedAt !== 'number') throw new BackupError('This backup is damaged: it has no export time.');
  if (!isObject(data.tables)) throw new BackupError('This backup is damaged: it has no tables.');
  const tables: Record<string, unknown> = { ...data.tables };
  for (const name of tablesAt(SCHEMA_VERSION)) {
    if (!tablesAt(schemaVersion as number).includes(name) && tables[name] === undefined) tables[name] = [];
  }
  // Version 4 ('cart-per-person') keys each cart line by its buyer: older lines are nobody's yet.
  if ((schemaVersion as number) < 4) tables.cart = cartRowsOfDevice(tables.cart);
  // Version 6 ('stock-per-sku') keeps a shelf per combination in `skus`: an older backup's
  // `inventory` rows (one per product, its implicit combination's) move there as they are.
  if ((schemaVersion as number) < 6) {
    tables.skus = skuRowsOfInventory(tables.inventory);
    delete tables.inventory;
  }
  const keys = primaryKeys(db);
  for (const name of Object.keys(tables)) {
    if (!keys.has(name)) throw new BackupError(`This backup is damaged: it has an unknown table '${name}'.`);
  }
  for (const [name, key] of keys) {
    const rows = tables[name];
    if (rows === undefined) throw new BackupError(`This backup is damaged: the table '${name}' is missing.`);
    if (!Array.isArray(rows)) throw new BackupError(`This backup is damaged: the table '${name}' is not a list of rows.`);
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const id = isObject(row) ? row[key] : undefined;
      if (typeof id !== 'string' || id === '') {
        throw new BackupError(`This backup is damaged: row ${i + 1} of the table '${name}' has no '${key}'.`);
      }
      if (seen.has(id)) throw new BackupError(`This backup is damaged: the table '${name}' has '${id}' twice.`);
      seen.add(id);
      if (name === 'photos' && (typeof (row as Record<string, unknown>).data !== 'string' || typeof (row as Record<string, unknown>).type !== 'string')) {
        throw new BackupError(`This backup is damaged: the photo '${id}' has no picture.`);
      }
    });
  }
  // Every row, events first (the other tables' references are to them), then the references.
  for (const name of ['events', ...[...keys.keys()].filter((n) => n !== 'events')]) {
    const damage = checkRows(name, tables[name] as unknown[]);
    if (damage) throw new BackupError(damageText(damage), damage);
  }
  const dangling = checkReferences(tables as Record<string, unknown[]>);
  if (dangling) throw new BackupError(damageText(dangling), dangling);
  // Units sold are counted again from the restored orders (as the fold would); an older backup has none.
  tables.sold = soldRowsOf((tables.orders as { value: Order }[]).map((r) => r.value), tables.sold as SoldRow[]);
  const problems = checkSettings(data.settings);
  if (problems.length > 0) throw new BackupError(`This backup is damaged: ${problems.join(' ')}`);
  return { ...data, schemaVersion: SCHEMA_VERSION, tables } as unknown as Backup;
}

/**
 * The `sold` rows after a restore: each product's units counted again from the restored orders
 * (as the fold counts them), with what the shop published as the backup has it. A row the
 * backup has stays, at whatever the count now is.
 */
function soldRowsOf(orders: Iterable<Order>, backedUp: readonly SoldRow[]): SoldRow[] {
  const counted = soldOfOrders(orders);
  const rows = new Map<string, SoldRow>(backedUp.map((r) => [r.productId, r]));
  for (const id of counted.keys()) if (!rows.has(id)) rows.set(id, { productId: id as SoldRow['productId'], counted: 0 });
  return [...rows.values()].map((r) => ({ ...r, counted: counted.get(r.productId) ?? 0 }));
}

/** A backup's `inventory` rows of schema version 5 or older as `skus` rows: a row that does not look like one is left for the checks. */
function skuRowsOfInventory(rows: unknown): unknown {
  if (!Array.isArray(rows)) return rows;
  return rows.map((r: unknown) => {
    const old = isObject(r) && typeof r.productId === 'string' && isObject(r.value);
    return old ? skuRowOfInventory(r as unknown as InventoryRowV5) : r;
  });
}

/**
 * Replaces everything on this device with a backup. Nothing is written unless the whole file
 * checks out; the tables are replaced in one transaction; the settings (in their own
 * database) are replaced once that has committed.
 */
export async function importBackup(db: ShopDb, data: unknown, store: UseStore = settingsStore()): Promise<void> {
  const backup = checkBackup(db, data);
  const names = [...primaryKeys(db).keys()];
  const rows: Record<string, unknown[]> = { ...backup.tables, photos: (backup.tables.photos as PhotoJson[]).map(photoFromJson) };
  await guardQuota(() =>
    db.transaction('rw', names, async () => {
      for (const name of names) {
        const table = db.table(name);
        await table.clear();
        await table.bulkAdd(rows[name]!);
      }
    }),
  );
  await replaceSettings(backup.settings, store);
}
