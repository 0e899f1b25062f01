import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { allSettings, getSetting, SETTINGS, setSetting, type SettingKey } from '../../src/storage/index.ts';

let n = 0;
const freshStore = () => createStore(`settings-test-${++n}-${Math.random()}`, 'settings');

describe('settings', () => {
  it('give typed defaults while unset', async () => {
    const store = freshStore();
    expect(await getSetting('locale', store)).toBeNull();
    expect(await getSetting('view', store)).toBe('shop');
    expect(await getSetting('buyerName', store)).toBe('');
    expect(await getSetting('remote', store)).toBeNull();
    expect(await getSetting('deviceId', store)).toBe('');
    expect(await getSetting(SETTINGS.persistAsked, store)).toBe(false);
    expect(await getSetting(SETTINGS.installDismissed, store)).toBe(false);
    expect(await allSettings(store)).toEqual({});
  });

  it('keep what is set, typed by key', async () => {
    const store = freshStore();
    await setSetting(SETTINGS.locale, 'zh', store);
    await setSetting('remote', { url: 'https://couch.example', shop: 'tea' }, store);
    await setSetting('buyerName', 'bo', store);
    await setSetting('persistAsked', true, store);
    expect(await getSetting(SETTINGS.locale, store)).toBe('zh');
    expect(await getSetting('buyerName', store)).toBe('bo');
    expect(await allSettings(store)).toEqual({
      locale: 'zh', remote: { url: 'https://couch.example', shop: 'tea' }, buyerName: 'bo', persistAsked: true,
    });
    expectTypeOf(getSetting(SETTINGS.locale, store)).resolves.toEqualTypeOf<'en' | 'zh' | null>();
    expectTypeOf(getSetting('view', store)).resolves.toEqualTypeOf<'shop' | 'seller'>();
    expectTypeOf(SETTINGS.persistAsked).toEqualTypeOf<SettingKey<boolean>>();
    // @ts-expect-error a boolean setting takes no string
    await expect(setSetting('persistAsked', 'yes', store)).rejects.toThrow(TypeError);
    // @ts-expect-error no such setting
    await expect(getSetting('colour', store)).rejects.toThrow(RangeError);
  });

  it('read a stored value of the wrong shape as the default', async () => {
    const store = freshStore();
    await set('view', 'admin', store);
    expect(await getSetting('view', store)).toBe('shop');
    expect(await allSettings(store)).toEqual({});
  });
});
