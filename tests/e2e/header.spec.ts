import { expect, test } from '@playwright/test';
import { openShop } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { openMenu, setLanguage } from './menu.ts';

// The header is one slim bar on a phone (the shop's name, search, one sync indicator, a menu),
// so the content has the screen; the demo's switches live in the menu, which says once who
// ann, bo and cy are.

test('the header is one bar of about 56 px on a 360 × 740 phone, in English and Chinese, and what it opens is accessible', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openShop(page);
  const banner = page.getByRole('banner');
  for (const language of ['en', 'zh'] as const) {
    if (language === 'zh') await setLanguage(page, 'zh');
    const height = await banner.evaluate((el) => el.getBoundingClientRect().height);
    expect(height, `${language}: header height`).toBeLessThanOrEqual(60);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${language}: page width`).toBeLessThanOrEqual(360);
  }
  await setLanguage(page, 'en');

  // The menu: the two sides, who shops (and who these people are), the language.
  await openMenu(page);
  await expect(page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Seller' })).toBeVisible();
  await expect(page.getByLabel('Shopping as')).toHaveValue('ann');
  await expect(page.getByText(/ann, bo and cy are three shoppers/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Shopping as')).toBeHidden();

  // The sync indicator opens what it means; a tap elsewhere closes it.
  const indicator = banner.getByRole('status').getByRole('button');
  await expect(indicator).toContainText('All synced');
  await indicator.click();
  await expect(page.getByText('Nothing waits on this device.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.mouse.click(4, 600); // the page's margin, under the sheet
  await expect(page.getByText('Nothing waits on this device.')).toBeHidden();

  // Search goes to the catalog's search field, from anywhere.
  await page.goto('./#/wallet');
  await banner.getByRole('link', { name: 'Search' }).click();
  await expect(page.getByLabel('Search', { exact: true })).toBeFocused();
});
