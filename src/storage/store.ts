/**
 * The device's database as the app and the UI hold it: a handle they pass to storage's typed
 * read and write functions. Only src/storage sees the Dexie database behind it (its tables,
 * indexes and transactions, through `tablesOf` in db.ts); tests/layers.test.ts keeps Dexie and
 * `ShopDb` inside storage.
 */
export interface Store {
  /** The database's name: whose data it is (the demo's, or a shop's for one signed-in person). */
  readonly name: string;
  /** A brand that only `ShopDb` carries (it has no value at run time): a Store is opened, never made up. */
  readonly '~store': true;
}
