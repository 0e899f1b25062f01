import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { buyForPickup, go, openShop } from './account-helpers.ts';

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
