import { expect, test, type Page } from '@playwright/test';
import { go, openShop, localTime } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// Which combinations a flash sale covers, chosen in the seller's product form (issue 13): the
// seller runs a flash sale on the demo's oolong for one combination only, at a price of its own;
// the buyer sees the flash price on that combination and on no other. On a 360-px phone.
test.use({ viewport: { width: 360, height: 740 } });


const chips = (page: Page, group: RegExp) => page.getByRole('group', { name: group });
const bar = (page: Page) => page.getByRole('group', { name: 'Ways to buy' });
const fits = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('a flash sale for one combination: the buyer sees its price on that combination only', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  await go(page, '#/seller/products/oolong');
  await expect(page.getByRole('heading', { name: /Tieguanyin oolong/ })).toBeVisible();

  await page.getByLabel('Run a flash sale').check();
  await page.getByLabel('Flash price (¥)', { exact: true }).fill('30');
  await page.getByLabel('Starts').fill(await localTime(page, -2));
  await page.getByLabel('Ends').fill(await localTime(page, 24 * 60));
  await page.getByLabel('Units for the sale').fill('3');
  await page.getByLabel('Most per buyer').fill('1');
  const cover = page.getByRole('group', { name: 'Combinations in the sale' });
  await expect(cover.getByRole('radio', { name: 'All combinations, at the price above' })).toBeChecked();
  await cover.getByRole('radio', { name: 'Only the ones I tick' }).check();

  // Ticking none is refused, said at the choice.
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(cover.getByText('Tick at least one combination, or choose all.')).toBeVisible();

  // 250 g in a bag (¥88) at a price of its own; ¥30 would be refused for nothing else.
  await cover.getByRole('checkbox', { name: '250 g, Bag 袋装' }).check();
  const own = cover.getByLabel('Flash price for 250 g, Bag 袋装 (¥)');
  await own.fill('88');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(own).toHaveAttribute('aria-invalid', 'true');
  await expect(own).toHaveAccessibleDescription(/Empty: the price above\..*¥88\.00/);
  await own.fill('60');
  await cover.scrollIntoViewIfNeeded();
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('offer-cover-en-360.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await setLanguage(page, 'zh');
  const zh = page.getByRole('group', { name: '参与秒杀的规格' });
  await expect(zh.getByLabel('250 g, Bag 袋装的秒杀价（¥）')).toHaveValue('60');
  await zh.scrollIntoViewIfNeeded();
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('offer-cover-zh-360.png') });
  await setLanguage(page, 'en');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText('“Tieguanyin oolong 铁观音” is saved.')).toBeVisible();

  // The buyer, before choosing: not the sale's own ¥30, which no combination is sold at, but
  // what it asks of the one it covers, and which one that is.
  await go(page, '#/product/oolong');
  await expect(page.locator('.price-flash')).toHaveText('Flash sale from ¥60.00');
  const sale = page.getByRole('region', { name: 'Flash sale' });
  await expect(sale.locator('.offer-price')).toHaveText('from ¥60.00');
  await expect(sale).toContainText('On 250 g, Bag 袋装 only');
  await expect(page.getByText('¥30.00')).toHaveCount(0);
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('buyer-flash-before-choice-en-360.png'), fullPage: true });
  await setLanguage(page, 'zh');
  await expect(page.locator('.price-flash')).toHaveText('限时秒杀 ¥60.00 起');
  await expect(page.getByRole('region', { name: '限时秒杀' })).toContainText('仅限：250 g, Bag 袋装');
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('buyer-flash-before-choice-zh-360.png'), fullPage: true });
  await setLanguage(page, 'en');

  // The home's flash sales: the oolong from ¥60.00, and "See it" to choose on its page (a
  // checkout of no combination would only be refused).
  await go(page, '#/');
  const home = page.locator('.home-card-flash').filter({ hasText: 'Tieguanyin oolong' });
  await expect(home).toContainText('from ¥60');
  await expect(home.getByRole('link', { name: 'See it: Tieguanyin oolong 铁观音, choose what to buy at the flash price' })).toBeVisible();
  await home.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('home-flash-options-en-360.png') });
  await setLanguage(page, 'zh');
  await expect(home).toContainText('¥60 起');
  await page.screenshot({ path: testInfo.outputPath('home-flash-options-zh-360.png') });
  await setLanguage(page, 'en');

  // The catalog filtered by a weight: the oolong's card has the sale's badge for 250 g only.
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Tieguanyin oolong 铁观音' }) });
  await go(page, '#/?category=Tea+%26+Coffee&option=Weight+%E9%87%8D%E9%87%8F&value=250+g');
  await expect(card.locator('.badge-flash')).toContainText('Flash sale ¥60.00');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('catalog-250g-flash-en-360.png') });
  await go(page, '#/?category=Tea+%26+Coffee&option=Weight+%E9%87%8D%E9%87%8F&value=100+g');
  await expect(card.locator('.card-price')).toHaveText('¥38.00');
  await expect(card.locator('.badge-flash')).toHaveCount(0);
  await setLanguage(page, 'zh');
  await expect(card.locator('.card-price')).toHaveText('¥38.00');
  await expect(card.locator('.badge-flash')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('catalog-100g-no-flash-zh-360.png') });
  await setLanguage(page, 'en');
  // Not filtered: the card's badge says the lowest price the sale asks, ¥60, never its own ¥30.
  await go(page, '#/?category=Tea+%26+Coffee');
  await expect(card.locator('.badge-flash')).toContainText('Flash sale ¥60.00');
  await expect(card).not.toContainText('¥30.00');

  // Chosen: the flash price on 250 g in a bag, none on 100 g in a bag.
  await go(page, '#/product/oolong');
  const weight = chips(page, /^Weight 重量$/);
  const pack = chips(page, /^Pack 包装$/);
  await weight.getByRole('button', { name: '250 g', exact: true }).click();
  await pack.getByRole('button', { name: 'Bag 袋装', exact: true }).click();
  await expect(bar(page).getByRole('button', { name: /¥60\.00\s*Flash price/ })).toBeVisible();
  await expect(bar(page).getByRole('button', { name: /¥88\.00/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('buyer-flash-combination-en-360.png') });
  // The sale's own button puts that combination in the cart, at the flash price.
  await page.getByRole('button', { name: 'Add to cart at flash price' }).click();
  await go(page, '#/cart');
  await expect(page.getByRole('main')).toContainText('250 g, Bag 袋装');
  await expect(page.getByRole('main')).toContainText('¥60.00');
  await go(page, '#/product/oolong');
  await weight.getByRole('button', { name: '250 g', exact: true }).click();
  await pack.getByRole('button', { name: 'Bag 袋装', exact: true }).click();
  await weight.getByRole('button', { name: '100 g', exact: true }).click();
  await expect(bar(page).getByRole('button', { name: /¥38\.00/ })).toBeVisible();
  await expect(bar(page).getByRole('button', { name: /Flash price/ })).toHaveCount(0);
  await expect(page.getByText('¥60.00')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('buyer-no-flash-combination-en-360.png') });
  await fits(page);

  // The seller's form reads back what was saved.
  await go(page, '#/seller/products/oolong');
  const again = page.getByRole('group', { name: 'Combinations in the sale' });
  await expect(again.getByRole('radio', { name: 'Only the ones I tick' })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: '250 g, Bag 袋装' })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: '100 g, Bag 袋装' })).not.toBeChecked();
  await expect(again.getByLabel('Flash price for 250 g, Bag 袋装 (¥)')).toHaveValue('60.00');
});
