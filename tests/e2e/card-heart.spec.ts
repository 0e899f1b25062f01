import { expect, test, type Page } from '@playwright/test';
import { go, openShop, shopAs } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// The heart on each product card of the catalog (issue 13, "a heart on each product"): a toggle
// button named for its product, saving for the person using the phone, into the same "Saved"
// list as the product page's heart. On a 360-px phone, in English and Chinese.
test.use({ viewport: { width: 360, height: 740 } });

const card = (page: Page, name: string) => page.locator('li.card', { has: page.getByRole('link', { name, exact: true }) });
const wide = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('tapping the heart on a card saves the product for that person, and it is in Saved', async ({ page }, testInfo) => {
  await openShop(page);
  await page.getByRole('searchbox').fill('tangerine');
  // The grid filters as the words are typed: wait for the tangerine card itself, not whichever card
  // is first before the search has run (CI once read "Bananas" there and lost it to the filter).
  const link = page.locator('li.card .card-link', { hasText: /tangerine/i }).first();
  await expect(link).toBeVisible();
  const name = (await link.textContent())!;
  const tangerine = card(page, name);
  const heart = tangerine.getByRole('button', { name: `Save ${name}`, exact: true });
  await expect(heart).toHaveAttribute('aria-pressed', 'false');
  await page.screenshot({ path: testInfo.outputPath('card-heart-en-360.png') });

  await heart.click();
  await expect(heart).toHaveAttribute('aria-pressed', 'true');
  await expect(heart).toHaveText(/♥/);
  // The heart is above the card's link, not through it: the tap stayed on the catalog.
  await expect(page).toHaveURL(/#\/(\?q=tangerine)?$/);
  await page.screenshot({ path: testInfo.outputPath('card-heart-saved-en-360.png') });
  expect(await wide(page)).toBeLessThanOrEqual(360);
  expect(await seriousViolations(page)).toEqual([]);

  await go(page, '#/saved');
  const saved = page.locator('.saved-item');
  await expect(saved).toHaveCount(1);
  await expect(saved.getByRole('link', { name })).toBeVisible();

  // The product page's heart says the same.
  await saved.getByRole('link', { name }).click();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Another person on the phone has their own hearts.
  await shopAs(page, 'bo');
  await go(page, '#/');
  await page.getByRole('searchbox').fill('tangerine');
  await expect(card(page, name).getByRole('button', { name: `Save ${name}` })).toHaveAttribute('aria-pressed', 'false');

  // In Chinese, by keyboard: ann takes it out again with Space.
  await shopAs(page, 'ann');
  await setLanguage(page, 'zh');
  await go(page, '#/');
  await page.getByRole('searchbox').fill('tangerine');
  const zhHeart = card(page, name).getByRole('button', { name: `收藏${name}`, exact: true });
  await expect(zhHeart).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: testInfo.outputPath('card-heart-saved-zh-360.png') });
  expect(await wide(page)).toBeLessThanOrEqual(360);
  await zhHeart.focus();
  await page.keyboard.press('Space');
  await expect(zhHeart).toHaveAttribute('aria-pressed', 'false');
  await go(page, '#/saved');
  await expect(page.locator('.saved-item')).toHaveCount(0);
  await setLanguage(page, 'en');
});
