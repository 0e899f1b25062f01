import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { buyForPickup, go, openShop } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

test('a backup restores the device exactly: an order placed after it is gone', async ({ page }, testInfo) => {
  await openShop(page);
  const kept = await buyForPickup(page, 'tangerine');

  await go(page, '#/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  // Settings asks once for persistent storage; the answer is shown once it has asked.
  await expect(page.getByText(/shop's data/).first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^offline-shop-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('backup.json');
  await download.saveAs(file);
  const before = JSON.parse(await readFile(file, 'utf8'));

  const extra = await buyForPickup(page, 'red-apple');
  await go(page, '#/orders');
  await expect(page.getByRole('link', { name: /Order #/ })).toHaveCount(2);

  // A file that is not a backup is refused, and nothing changes.
  await go(page, '#/settings');
  const restore = page.getByLabel('Restore from a backup');
  await restore.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('this is not JSON') });
  await expect(page.getByText('This file is not a backup: it is not JSON. Nothing was changed.')).toBeVisible();
  await restore.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":"world"}') });
  await expect(page.getByText(/This file cannot be restored: This file is not an Offline Shop backup/)).toBeVisible();

  await restore.setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Replace everything on this device?' });
  await expect(dialog).toBeVisible();
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Replace with the backup' }).click()]);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  await go(page, '#/orders');
  await expect(page.getByRole('link', { name: /Order #/ })).toHaveCount(1);
  await go(page, `#/orders/${extra}`);
  await expect(page.getByText('There is no such order on this device.')).toBeVisible();
  await go(page, `#/orders/${kept}`);
  await expect(page.getByText(/^Status:\s*Accepted$/)).toBeVisible();

  // Exactly as backed up: a new backup holds the same tables and settings.
  await go(page, '#/settings');
  await expect(page.getByText(/shop's data/).first()).toBeVisible();
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  const after = JSON.parse(await readFile((await again.path())!, 'utf8'));
  expect(after.tables).toEqual(before.tables);
  expect(after.settings).toEqual(before.settings);
});

test('a damaged backup is refused before anything changes, saying where and what, in both languages', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openShop(page);
  const kept = await buyForPickup(page, 'tangerine');
  await go(page, '#/settings');
  await expect(page.getByText(/shop's data/).first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  const backup = JSON.parse(await readFile((await download.path())!, 'utf8'));
  // The damage: one balance's amount made text.
  backup.tables.balances[0].amount = 'x';
  const file = { name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) };

  const restore = page.getByLabel('Restore from a backup');
  await restore.setInputFiles(file);
  const message = page.getByText(/^This file cannot be restored: in wallet balances \(table “balances”\), row 1, field “amount” has a wrong value\. Nothing was changed\. Details: must be a number, got text "x"\.$/);
  await expect(message).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await message.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('restore-damaged-en-360.png') });

  await setLanguage(page, 'zh');
  await page.getByLabel('从备份恢复').setInputFiles(file);
  const zh = page.getByText('无法恢复这个文件：钱包余额（表“balances”）第 1 行的“amount”字段的值不对。没有任何改动。详细信息：must be a number, got text "x"');
  await expect(zh).toBeVisible();
  await zh.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('restore-damaged-zh-360.png') });
  // Nothing overflows the phone's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Nothing was changed: the order is still there.
  await setLanguage(page, 'en');
  await go(page, `#/orders/${kept}`);
  await expect(page.getByText(/^Status:\s*Accepted$/)).toBeVisible();
});
