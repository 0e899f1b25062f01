import { describe, expect, it } from 'vitest';
import { strings as enAccount } from '../../src/ui/i18n/en/account.ts';
import { strings as enCatalog } from '../../src/ui/i18n/en/catalog.ts';
import { strings as enCommon } from '../../src/ui/i18n/en/common.ts';
import { strings as enSeller } from '../../src/ui/i18n/en/seller.ts';
import { strings as enSellerCatalog } from '../../src/ui/i18n/en/sellerCatalog.ts';
import { strings as enSellerData } from '../../src/ui/i18n/en/sellerData.ts';
import { strings as enSellerMoney } from '../../src/ui/i18n/en/sellerMoney.ts';
import { strings as enRemote } from '../../src/ui/i18n/en/remote.ts';
import { strings as enShop } from '../../src/ui/i18n/en/shop.ts';
import { strings as enSaved } from '../../src/ui/i18n/en/saved.ts';
import { strings as enHome } from '../../src/ui/i18n/en/home.ts';
import { strings as enOptions } from '../../src/ui/i18n/en/options.ts';
import { strings as enMessages } from '../../src/ui/i18n/en/messages.ts';
import { strings as zhAccount } from '../../src/ui/i18n/zh/account.ts';
import { strings as zhCatalog } from '../../src/ui/i18n/zh/catalog.ts';
import { strings as zhCommon } from '../../src/ui/i18n/zh/common.ts';
import { strings as zhSeller } from '../../src/ui/i18n/zh/seller.ts';
import { strings as zhSellerCatalog } from '../../src/ui/i18n/zh/sellerCatalog.ts';
import { strings as zhSellerData } from '../../src/ui/i18n/zh/sellerData.ts';
import { strings as zhSellerMoney } from '../../src/ui/i18n/zh/sellerMoney.ts';
import { strings as zhRemote } from '../../src/ui/i18n/zh/remote.ts';
import { strings as zhShop } from '../../src/ui/i18n/zh/shop.ts';
import { strings as zhSaved } from '../../src/ui/i18n/zh/saved.ts';
import { strings as zhHome } from '../../src/ui/i18n/zh/home.ts';
import { strings as zhOptions } from '../../src/ui/i18n/zh/options.ts';
import { strings as zhMessages } from '../../src/ui/i18n/zh/messages.ts';
import { fill, localeFromBrowser } from '../../src/ui/i18n/define.ts';

const areas = { common: [enCommon, zhCommon], catalog: [enCatalog, zhCatalog], shop: [enShop, zhShop], account: [enAccount, zhAccount], remote: [enRemote, zhRemote], seller: [enSeller, zhSeller],
  sellerCatalog: [enSellerCatalog, zhSellerCatalog], sellerData: [enSellerData, zhSellerData], sellerMoney: [enSellerMoney, zhSellerMoney], saved: [enSaved, zhSaved],
  home: [enHome, zhHome], options: [enOptions, zhOptions], messages: [enMessages, zhMessages] } as const;

describe('the strings', () => {
  it('never give one key in two areas (a later area would silently win)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, [en]] of Object.entries(areas)) {
      for (const key of Object.keys(en)) {
        if (owner.has(key)) clashes.push(`${key} in ${owner.get(key)} and ${area}`);
        owner.set(key, area);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('translate every key into Chinese with the same placeholders', () => {
    for (const [en, zh] of Object.values(areas)) {
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(holes((zh as Record<string, string>)[key]!), key).toEqual(holes(text));
      }
    }
  });

  it('say every Chinese string in Chinese (only placeholders and punctuation may stand alone)', () => {
    const english: string[] = [];
    for (const [area, [, zh]] of Object.entries(areas)) {
      for (const [key, text] of Object.entries(zh as Record<string, string>)) {
        const words = text.replace(/\{\w+\}/g, '');
        if (/\p{Script=Latin}/u.test(words) && !/\p{Script=Han}/u.test(words)) english.push(`${area}: ${key} = ${text}`);
      }
    }
    expect(english).toEqual([]);
  });

  it('fill placeholders and follow the browser to Chinese', () => {
    expect(fill('{count} waiting', { count: 3 })).toBe('3 waiting');
    expect(fill('{count} left of {max}', { count: 1234567, max: 0.5 }, new Intl.NumberFormat('en').format)).toBe('1,234,567 left of 0.5');
    expect(fill('{a}{b}', { a: '1000' }, new Intl.NumberFormat('en').format)).toBe('1000{b}'); // strings as they are
    expect(localeFromBrowser(['zh-CN', 'en'])).toBe('zh');
    expect(localeFromBrowser(['en-GB', 'zh'])).toBe('en');
  });
});
