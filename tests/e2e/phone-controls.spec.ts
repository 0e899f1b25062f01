import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// Controls that must fit a 360-px phone: the seller's order filters in one row that scrolls
// sideways (they wrapped onto four rows in English), and file inputs that look like buttons.
test.use({ viewport: { width: 360, height: 740 } });

test("the seller's order filters are one row that scrolls sideways, in English and Chinese", async ({ page }) => {
  await page.goto('./#/seller/orders');
  const filters = page.getByRole('navigation', { name: /^(Show orders|订单筛选)$/ });
  for (const language of ['en', 'zh'] as const) {
    if (language === 'zh') await setLanguage(page, 'zh');
    const links = filters.getByRole('link');
    await expect(links.first()).toBeVisible();
    const tops = await links.evaluateAll((all) => all.map((a) => (a as HTMLElement).getBoundingClientRect().top));
    expect(new Set(tops).size, `filter rows in ${language}`).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
  // The one shown is scrolled into view: the last filter, once chosen.
  const last = filters.getByRole('link').last();
  await last.click();
  await expect(last).toHaveAttribute('aria-current', 'page');
  await expect(last).toBeInViewport({ ratio: 1 });
});

test('a category chosen by its address is in view in the chip row, and stays there in the other language', async ({ page }) => {
  await page.goto('./#/');
  const chips = page.getByRole('group', { name: /^(Categories|分类)$/ });
  // The shop's categories (after "All"), once read.
  await expect.poll(() => chips.getByRole('button').count()).toBeGreaterThan(3);
  const last = chips.getByRole('button').last();
  // The row is wider than the phone: its last chip starts out of view.
  expect(await chips.evaluate((row) => row.scrollWidth > row.clientWidth)).toBe(true);
  await last.click();
  await expect(page).toHaveURL(/category=/);
  // Opened again from its address (a link, Back, a reload): the row starts at its beginning.
  await page.reload();
  await expect(last).toHaveAttribute('aria-pressed', 'true');
  await expect(last).toBeInViewport({ ratio: 1 });
  // Other words, other widths: the chosen chip is brought back into view.
  await chips.evaluate((row) => (row.scrollLeft = 0));
  await setLanguage(page, 'zh');
  await expect(last).toHaveAttribute('aria-pressed', 'true');
  await expect(last).toBeInViewport({ ratio: 1 });
});

test('file inputs are labelled buttons: the real input, named by its words, reachable by keyboard', async ({ page }) => {
  await page.goto('./#/settings');
  const restore = page.getByLabel('Restore from a backup');
  await expect(restore).toHaveAttribute('type', 'file');
  const button = page.locator('label.file-btn', { hasText: 'Restore from a backup' });
  const box = await button.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeLessThanOrEqual(360);
  await restore.focus();
  await expect(restore).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('./#/seller/data');
  await expect(page.getByLabel('CSV file of products')).toHaveAttribute('type', 'file');
  expect(await seriousViolations(page)).toEqual([]);
});
