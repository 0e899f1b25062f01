import { expect, test, type Page } from '@playwright/test';
import { checkOutForPickup, go, openShop, shopAs } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// A team buy on a product with options (issue 13): the seller offers one on the demo's oolong for
// the 250 g bag only; ann starts a team for it from the product page; bo joins from the page of
// the team's product without choosing anything, and his order is for the team's combination.
test.use({ viewport: { width: 360, height: 740 } });

const chips = (page: Page, group: RegExp) => page.getByRole('group', { name: group });

test('joining a team of a product with options buys the team’s combination', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  await go(page, '#/seller/products/oolong');
  await page.getByLabel('Offer a team buy').check();
  await page.getByLabel('Team price (¥)', { exact: true }).fill('70');
  await page.getByLabel('People in a team').fill('2');
  await page.getByLabel('Hours to fill a team').fill('24');
  const cover = page.getByRole('group', { name: 'Combinations in the team buy' });
  await cover.getByRole('radio', { name: 'Only the ones I tick' }).check();
  await cover.getByRole('checkbox', { name: '250 g, Bag 袋装' }).check();
  await expect(page.getByRole('checkbox', { name: 'One team may mix combinations' })).not.toBeChecked();
  await cover.getByRole('checkbox', { name: '250 g, Bag 袋装' }).scrollIntoViewIfNeeded();
  const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await fits();
  await page.screenshot({ path: testInfo.outputPath('team-cover-en-360.png') });
  await setLanguage(page, 'zh');
  await page.getByRole('checkbox', { name: '同一团可混选规格' }).scrollIntoViewIfNeeded();
  await fits();
  await page.screenshot({ path: testInfo.outputPath('team-cover-zh-360.png') });
  await setLanguage(page, 'en');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText('“Tieguanyin oolong 铁观音” is saved.')).toBeVisible();

  // ann: 250 g in a bag offers the team; 100 g does not.
  await go(page, '#/product/oolong');
  await chips(page, /^Weight 重量$/).getByRole('button', { name: '100 g', exact: true }).click();
  await chips(page, /^Pack 包装$/).getByRole('button', { name: 'Bag 袋装', exact: true }).click();
  const bar = page.getByRole('group', { name: 'Ways to buy' });
  await expect(bar.getByRole('button', { name: /Team of 2/ })).toHaveCount(0);
  await chips(page, /^Weight 重量$/).getByRole('button', { name: '250 g', exact: true }).click();
  await bar.getByRole('button', { name: /¥70\.00\s*Team of 2/ }).click();
  await checkOutForPickup(page);
  await expect(page.getByRole('region', { name: 'Items' })).toContainText('Tieguanyin oolong 铁观音, 250 g, Bag 袋装');

  // bo joins from the product's page, having chosen nothing.
  await shopAs(page, 'bo');
  await go(page, '#/cart');
  await go(page, '#/product/oolong');
  await page.getByRole('button', { name: /^Join .*team$/ }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('250 g, Bag 袋装');
  await expect(page.getByRole('main')).toContainText('¥70.00');
  await checkOutForPickup(page);
  await expect(page.getByRole('region', { name: 'Items' })).toContainText('Tieguanyin oolong 铁观音, 250 g, Bag 袋装');
});
