// A person's own data on a shared device: their settings (coupon, delivery) and their cart,
// the migration from the device-wide values of older versions, and backups of both.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { createStore, entries, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import type { Delivery, PickupPointId, ShippingOptionId } from '../../src/domain/index.ts';
import { adoptDeviceData } from '../../src/app/adopt-device-data.ts';
import {
  adoptDeviceCart, adoptDeviceSettings, allSettings, exportBackup, getPersonSetting, importBackup, listCart, setCartQty,
  SCHEMA_VERSION, setPersonSetting, setSetting, ShopDb, VERSIONS, type Backup,
} from '../../src/storage/index.ts';
import { pid, T0 } from '../domain/fixtures/shop.ts';
import { ann, bo, freshDb } from './helpers.ts';

let n = 0;
const freshStore = () => createStore(`person-test-${++n}-${Math.random()}`, 'settings');
const viaJson = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

const annHome: Delivery = { kind: 'ship', optionId: 'std' as ShippingOptionId, recipient: 'Ann Li', phone: '138 0000 1234', address: '8 West Lake Road' };
const kiosk: Delivery = { kind: 'pickup', pointId: 'kiosk-north' as PickupPointId };

/** A database as version 3 of the app left it: the same name, the schema up to 3, a device-wide cart. */
async function versionThreeDb(rows: Record<string, unknown>[]): Promise<string> {
  const name = `v3-${++n}-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  for (const v of VERSIONS.slice(0, 3)) old.version(v.version).stores({ ...v.stores });
  await old.open();
  await old.table('cart').bulkPut(rows);
  old.close();
  return name;
}

describe('a person’s settings', () => {
  it('are each person’s own, with defaults while unset', async () => {
    const store = freshStore();
    expect(await getPersonSetting('demo ann', 'coupon', store)).toBe('');
    expect(await getPersonSetting('demo ann', 'delivery', store)).toBeNull();
    await setPersonSetting('demo ann', 'coupon', 'WELCOME10', store);
    await setPersonSetting('demo ann', 'delivery', annHome, store);
    await setPersonSetting('demo bo', 'delivery', kiosk, store);
    expect(await getPersonSetting('demo ann', 'coupon', store)).toBe('WELCOME10');
    expect(await getPersonSetting('demo bo', 'coupon', store)).toBe('');
    expect(await getPersonSetting('demo ann', 'delivery', store)).toEqual(annHome);
    expect(await getPersonSetting('demo bo', 'delivery', store)).toEqual(kiosk);
    expect(await getPersonSetting('demo cy', 'delivery', store)).toBeNull();
    // A default unsets: nothing is kept for a person with nothing set.
    await setPersonSetting('demo bo', 'delivery', null, store);
    expect(await get('people', store)).toEqual({ 'demo ann': { coupon: 'WELCOME10', delivery: annHome } });
    // @ts-expect-error a coupon is a string
    await expect(setPersonSetting('demo ann', 'coupon', 10, store)).rejects.toThrow(TypeError);
    await expect(setPersonSetting('demo ann', 'delivery', { kind: 'ship' } as Delivery, store)).rejects.toThrow(TypeError);
  });

  it('read a damaged value as the default, and lose only that one', async () => {
    const store = freshStore();
    await set('people', { 'demo ann': { coupon: 42, delivery: kiosk }, 'demo bo': 'x', 'demo cy': { coupon: 'HI' } }, store);
    expect(await getPersonSetting('demo ann', 'coupon', store)).toBe('');
    expect(await getPersonSetting('demo ann', 'delivery', store)).toEqual(kiosk);
    expect(await getPersonSetting('demo cy', 'coupon', store)).toBe('HI');
    await setPersonSetting('demo bo', 'coupon', 'BO', store);
    expect(await get('people', store)).toEqual({ 'demo ann': { delivery: kiosk }, 'demo bo': { coupon: 'BO' }, 'demo cy': { coupon: 'HI' } });
  });
});

describe('the migration from device-wide settings', () => {
  it('gives the device’s coupon and delivery to the person who was using it, and deletes them', async () => {
    const store = freshStore();
    // As an older version left the device: one coupon and one delivery for everyone.
    await set('coupon', 'WELCOME10', store);
    await set('delivery', annHome, store);
    await set('buyerName', 'ann', store);
    await adoptDeviceSettings('demo ann', store);
    expect(await getPersonSetting('demo ann', 'coupon', store)).toBe('WELCOME10');
    expect(await getPersonSetting('demo ann', 'delivery', store)).toEqual(annHome);
    expect(await getPersonSetting('demo bo', 'delivery', store)).toBeNull();
    expect(await get('coupon', store)).toBeUndefined();
    expect(await get('delivery', store)).toBeUndefined();
    expect(await get('buyerName', store)).toBe('ann');
    // Once moved, a later start (as someone else) finds nothing to take.
    await adoptDeviceSettings('demo bo', store);
    expect(await getPersonSetting('demo bo', 'coupon', store)).toBe('');
    expect(await getPersonSetting('demo ann', 'coupon', store)).toBe('WELCOME10');
  });

  it('keeps what the person already has, and drops a device-wide value it cannot use', async () => {
    const store = freshStore();
    await setPersonSetting('demo ann', 'delivery', kiosk, store);
    await set('delivery', annHome, store);
    await set('coupon', { code: 'not a string' }, store);
    await adoptDeviceSettings('demo ann', store);
    expect(await getPersonSetting('demo ann', 'delivery', store)).toEqual(kiosk);
    expect(await getPersonSetting('demo ann', 'coupon', store)).toBe('');
    expect((await entries(store)).map(([k]) => k)).toEqual(['people']);
  });

  it('writes nothing when there is nothing to move', async () => {
    const store = freshStore();
    await adoptDeviceSettings('demo ann', store);
    expect(await entries(store)).toEqual([]);
  });
});

describe('the cart per person (schema version 4)', () => {
  it('upgrades a version 3 database: its lines become nobody’s, then the person’s who was using the device', async () => {
    const name = await versionThreeDb([
      { key: 'tea|regular', productId: 'tea', mode: 'regular', qty: 2, addedAt: T0 },
      { key: 'duck|team', productId: 'duck', mode: 'team', qty: 1, addedAt: T0 + 1 },
    ]);
    const db = new ShopDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.cart.orderBy('key').toArray()).toEqual([
      { key: '|duck|team', buyer: '', productId: 'duck', mode: 'team', qty: 1, addedAt: T0 + 1 },
      { key: '|tea|regular', buyer: '', productId: 'tea', mode: 'regular', qty: 2, addedAt: T0 },
    ]);
    expect(await adoptDeviceCart(db, ann)).toBe(2);
    expect(await listCart(db, ann)).toEqual([
      { key: 'ann|tea|regular', buyer: 'ann', productId: 'tea', mode: 'regular', qty: 2, addedAt: T0 },
      { key: 'ann|duck|team', buyer: 'ann', productId: 'duck', mode: 'team', qty: 1, addedAt: T0 + 1 },
    ]);
    expect(await listCart(db, bo)).toEqual([]);
    // Nothing is left to move: a later start, as someone else, takes nothing.
    expect(await adoptDeviceCart(db, bo)).toBe(0);
    expect(await db.cart.count()).toBe(2);
    db.close();
  });

  it('keeps a line the person already has of the same product', async () => {
    const name = await versionThreeDb([{ key: 'tea|regular', productId: 'tea', mode: 'regular', qty: 2, addedAt: T0 }]);
    const db = new ShopDb(name);
    await setCartQty(db, ann, pid('tea'), 'regular', 5, T0 + 9);
    expect(await adoptDeviceCart(db, ann)).toBe(0);
    expect((await listCart(db, ann)).map((r) => r.qty)).toEqual([5]);
    expect(await db.cart.count()).toBe(1);
    db.close();
  });

  it('moves the cart and the settings together at start (the app’s step)', async () => {
    const name = await versionThreeDb([{ key: 'tea|regular', productId: 'tea', mode: 'regular', qty: 3, addedAt: T0 }]);
    const store = createStore('offline-shop-settings', 'settings'); // the app's own settings database
    await set('coupon', 'WELCOME10', store);
    const db = new ShopDb(name);
    await adoptDeviceData(db, bo, 'demo bo');
    expect((await listCart(db, bo)).map((r) => [r.productId, r.qty])).toEqual([['tea', 3]]);
    expect(await getPersonSetting('demo bo', 'coupon', store)).toBe('WELCOME10');
    expect(await get('coupon', store)).toBeUndefined();
    db.close();
  });
});

describe('backups of a person’s data', () => {
  it('carry everyone’s settings and cart, by person, and restore them exactly', async () => {
    const db = freshDb();
    const store = freshStore();
    await setCartQty(db, ann, pid('tea'), 'regular', 1, T0);
    await setCartQty(db, bo, pid('cups'), 'regular', 4, T0);
    await setSetting('buyerName', 'bo', store);
    await setPersonSetting('demo ann', 'coupon', 'WELCOME10', store);
    await setPersonSetting('demo bo', 'delivery', kiosk, store);
    const backup = await exportBackup(db, T0, store);
    expect(backup.settings).toEqual({ buyerName: 'bo', people: { 'demo ann': { coupon: 'WELCOME10' }, 'demo bo': { delivery: kiosk } } });
    const other = freshDb();
    const otherStore = freshStore();
    await importBackup(other, viaJson(backup), otherStore);
    expect(await exportBackup(other, T0, otherStore)).toEqual(backup);
    expect(await getPersonSetting('demo bo', 'delivery', otherStore)).toEqual(kiosk);
    expect((await listCart(other, bo)).map((r) => r.productId)).toEqual(['cups']);
  });

  it('restore a backup of an older version: its device-wide cart and settings go to the person who was using the device', async () => {
    const db = freshDb();
    const store = freshStore();
    const backup = viaJson(await exportBackup(db, T0, store)) as Backup & { settings: Record<string, unknown> };
    // As version 3 wrote it: a cart without buyers, the coupon and delivery among the device's settings.
    backup.schemaVersion = 3;
    backup.tables.inventory = backup.tables.skus!;
    delete backup.tables.skus;
    backup.tables.cart = [{ key: 'tea|regular', productId: 'tea', mode: 'regular', qty: 2, addedAt: T0 }];
    backup.settings = { buyerName: 'bo', coupon: 'WELCOME10', delivery: annHome };
    const target = freshDb();
    const targetStore = freshStore();
    await importBackup(target, backup, targetStore);
    expect(await target.cart.toArray()).toEqual([{ key: '|tea|regular', buyer: '', productId: 'tea', mode: 'regular', qty: 2, addedAt: T0 }]);
    // The next start (the app reloads after a restore) gives them to bo, who was using the device.
    await adoptDeviceCart(target, bo);
    await adoptDeviceSettings('demo bo', targetStore);
    expect((await listCart(target, bo)).map((r) => [r.productId, r.qty])).toEqual([['tea', 2]]);
    expect(await getPersonSetting('demo bo', 'coupon', targetStore)).toBe('WELCOME10');
    expect(await getPersonSetting('demo bo', 'delivery', targetStore)).toEqual(annHome);
    expect(await allSettings(targetStore)).toEqual({ buyerName: 'bo', people: { 'demo bo': { coupon: 'WELCOME10', delivery: annHome } } });
  });

  it('refuse a person’s setting that this app cannot use, naming the person and the setting', async () => {
    const db = freshDb();
    const backup = viaJson(await exportBackup(db, T0, freshStore())) as Backup & { settings: Record<string, unknown> };
    const target = freshDb();
    const cases: [unknown, RegExp][] = [
      [{ 'demo ann': { coupon: 7 } }, /setting 'coupon' of 'demo ann' has a value/],
      [{ 'demo ann': { colour: 'red' } }, /Unknown setting 'colour' of 'demo ann'/],
      [{ 'demo ann': 'x' }, /settings of 'demo ann' are not an object/],
      [[], /setting 'people' is not an object/],
    ];
    for (const [people, message] of cases) {
      await expect(importBackup(target, { ...backup, settings: { people } }, freshStore())).rejects.toThrow(message);
    }
  });
});
