// The seller's Data tab, offline from the start: a CSV with one bad row imports nothing and
// names the row; the catalog exported, changed, imported, and its first export imported back
// gives the same file byte for byte.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../src/engines/csv/parse-csv.ts';
import { writeCsv } from '../../src/engines/csv/write-csv.ts';
import { go, openShop } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';

async function exportProducts(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export products' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = await download.path();
  if (path === null) throw new Error('the download was not saved');
  return readFile(path);
}

/** The file's rows as cells, changed by `edit`, written back as CSV. */
function edited(file: Buffer, edit: (row: Record<string, string>, line: number) => void): Buffer {
  const parsed = parseCsv(file.toString('utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const [header, ...rows] = parsed.records;
  const names = header!.fields;
  const out = rows.map((r) => {
    const row = Object.fromEntries(names.map((n, i) => [n, r.fields[i] ?? '']));
    edit(row, r.line);
    return names.map((n) => row[n] ?? '');
  });
  return Buffer.from(writeCsv(names, out));
}

const sortedLines = (file: Buffer) => file.toString('utf8').split('\r\n').sort();

async function choose(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('CSV file of products').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

async function importAll(page: Page, count: number): Promise<void> {
  await expect(page.getByRole('table', { name: `The first 20 of ${count} products in catalog.csv` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: `Import ${count} products` }).click();
  const dialog = page.getByRole('dialog', { name: `Import ${count} products?` });
  await expect(dialog).toContainText(`Products changed: ${count}`);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(`Imported ${count} products.`)).toBeVisible();
}

test('a CSV with one bad row imports nothing and names the row; an exported catalog imports back exactly', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openShop(page);
  // Offline from the next load on: wait for the service worker to control the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();

  await go(page, '#/seller/data');
  await expect(page.getByRole('heading', { name: 'Import products' })).toBeVisible();
  const original = await exportProducts(page);
  await expect(page.getByText(/^Saved products-\d{4}-\d{2}-\d{2}\.csv \(45 rows\)\.$/)).toBeVisible();
  expect(original.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // a UTF-8 BOM, for Excel

  // One bad price on line 7, among good changes: the row is named, and nothing is imported.
  const bad = edited(original, (row, line) => {
    row.stock = '999';
    if (line === 7) row.price = '12.5.1';
  });
  await choose(page, 'catalog.csv', bad);
  const alert = page.getByRole('alert').filter({ hasText: 'cannot be imported' });
  await expect(alert).toContainText('catalog.csv cannot be imported. Problems found: 1. Nothing was imported');
  await expect(alert.getByRole('listitem')).toHaveText(['Line 7, price: Must be an amount like 12.90, got "12.5.1".']);
  await expect(page.getByRole('button', { name: /^Import \d+ products$/ })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  expect((await exportProducts(page)).equals(original)).toBe(true);

  // A good change imports whole.
  const renamed = edited(original, (row, line) => {
    if (line === 2) row.name = 'Renamed, "quoted" 改名';
  });
  await choose(page, 'catalog.csv', renamed);
  await importAll(page, 41);
  const changed = await exportProducts(page);
  expect(changed.equals(original)).toBe(false);
  // The same rows as the file imported (the export is in name order, so the renamed one moved).
  expect(sortedLines(changed)).toEqual(sortedLines(renamed));
  expect(changed.toString('utf8')).toContain('"Renamed, ""quoted"" 改名"');

  // The first export imported back: the catalog is exactly as it was.
  await choose(page, 'catalog.csv', original);
  await importAll(page, 41);
  expect((await exportProducts(page)).equals(original)).toBe(true);
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a sheet of id,name,price,stock changes those and keeps the photo; a team price above the price is refused', async ({ page }) => {
  await openShop(page);
  await go(page, '#/seller/data');
  await expect(page.getByText(/^Prices in CNY/)).toHaveCount(1); // the shop is open on this device
  await choose(page, 'catalog.csv', Buffer.from('id,price,team_price\ndumpling,36,40\n'));
  await expect(page.getByRole('alert')).toContainText('Line 2, team_price: Must be less than the regular price, 36.00.');
  await choose(page, 'catalog.csv', Buffer.from('id,name,price,stock\ndumpling,Frozen dumplings 速冻水饺 (60),42.00,60\n'));
  await expect(page.getByRole('table', { name: 'The first 1 of 1 products in catalog.csv' })).toContainText('¥42.00');
  await page.getByRole('button', { name: 'Import 1 products' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import 1 products?' });
  await expect(dialog).toContainText('New products: 0. Products changed: 1');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 1 products.')).toBeVisible();
  await go(page, '#/product/dumpling');
  await expect(page.getByRole('heading', { name: 'Frozen dumplings 速冻水饺 (60)' })).toBeVisible();
  await expect(page.getByText('60 left')).toBeVisible();
  await expect(page.getByRole('img', { name: /Frozen dumplings/ })).toHaveAttribute('src', /photos\/dumpling\.svg$/);
});
