import { expect, test } from '@playwright/test';

test('the first screen renders, and still does offline once the service worker is in control', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Offline Shop' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  // The header's status says online or offline, then what waits to sync ("All synced").
  const status = page.getByRole('banner').getByRole('status');
  await expect(status).toContainText(/^Online\b/);
  await expect(status).toContainText('All synced');

  // The first visit installs the worker; without clientsClaim it controls pages from the
  // next load on, so wait until it is active and reload once.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  // Really offline: a request the worker does not answer fails.
  const probe = await page.evaluate(() =>
    fetch(`not-precached-${Date.now()}.txt`).then(
      (response) => `HTTP ${response.status}`,
      () => 'network error',
    ),
  );
  expect(probe).toBe('network error');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Offline Shop' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await expect(status).toContainText(/^Offline\b/);

  // A deep link is no precached file: only the worker's navigation route can answer it.
  await page.goto('./products/some-product');
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
});
