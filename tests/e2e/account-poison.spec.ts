import { expect, test } from '@playwright/test';
import { balance, buyForPickup, expectStatus, go, openShop } from './account-helpers.ts';

// Issue 10's story: a balance damaged on the device (a restore of `amount: "x"` made before
// restores were checked) made every later decision fail to store: "The shop could not decide
// RangeError: Money must be a safe integer", and every order queued for ever.
test('a damaged balance on the device does not stop the shop: the next order is decided and the wallet put right', async ({ page }) => {
  await openShop(page);
  await expect(page.getByRole('banner').getByRole('status')).toContainText('All synced');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('offline-shop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('balances', 'readwrite');
          tx.objectStore('balances').put({ account: 'available:ann', amount: 'x' });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  await buyForPickup(page, 'tangerine');
  await expectStatus(page, 'Accepted');
  await expect(page.getByRole('banner').getByRole('status')).toContainText('All synced');
  await go(page, '#/wallet');
  await expect(balance(page, 'Available')).toHaveText('¥490.10');
  await expect(balance(page, 'In escrow')).toHaveText('¥9.90');
  expect(errors.filter((e) => /could not decide/.test(e))).toEqual([]);
});
