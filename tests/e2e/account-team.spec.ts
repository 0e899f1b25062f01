import { expect, test } from '@playwright/test';
import { expectStatus, go, openShop, shopAs, startTeam } from './account-helpers.ts';

test('a team buy that fills: ann shares the link, bo opens it and joins, both orders are accepted', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A desktop browser with no share sheet: the link is copied instead.
  await context.addInitScript(() => {
    delete (Navigator.prototype as { share?: unknown }).share;
  });
  await openShop(page);
  const annOrder = await startTeam(page, 'teapot');
  await expectStatus(page, 'Waiting for team');
  await expect(page.getByRole('progressbar', { name: 'Team members' })).toHaveAttribute('aria-valuetext', '1 / 2');

  await page.getByRole('button', { name: 'Share team link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.getByLabel('Team link').inputValue();
  expect(link).toMatch(/#\/team\//);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // bo, on the same demo, opens the shared link.
  await shopAs(page, 'bo');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Team buy' })).toBeVisible();
  await expect(page.getByText('Started by A', { exact: true })).toBeVisible();
  await expect(page.getByText('1 of 2 joined')).toBeVisible();
  // The team page also carries its link as a QR code, to scan from another phone.
  await expect(page.getByRole('img', { name: /^QR code that opens .*#\/team\// })).toBeVisible();
  await page.getByRole('link', { name: 'Join this team' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
  await page.getByLabel('Pickup point', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/#\/orders\//);
  await expectStatus(page, 'Accepted');
  await expect(page.getByText('The team is complete.')).toBeVisible();

  // The team page now says it is full; ann's order went on too.
  await go(page, new URL(link).hash);
  await expect(page.getByText('You are in this team.')).toBeVisible();
  await shopAs(page, 'ann');
  await go(page, `#/orders/${annOrder}`);
  await expectStatus(page, 'Accepted');
  await expect(page.getByRole('list').filter({ hasText: 'Waiting for team' })).toContainText('Team complete');
});

test('a team that does not fill in time is cancelled, and the money comes back', async ({ page }) => {
  await page.clock.install();
  await openShop(page);
  await go(page, '#/wallet');
  await expect(page.locator('dt:text-is("Available") + dd')).toHaveText('¥500.00');

  await startTeam(page, 'dumpling');
  await expectStatus(page, 'Waiting for team');
  await go(page, '#/wallet');
  await expect(page.locator('dt:text-is("In escrow") + dd')).toHaveText('¥26.00');
  await page.goBack();
  await expectStatus(page, 'Waiting for team');

  // The dumpling team has 24 hours; the shop's clock looks every 15 seconds.
  await page.clock.fastForward('25:00:00');
  await expectStatus(page, 'Cancelled');
  await expect(page.getByText('The team did not fill in time: everyone got their money back.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'The team did not fill in time' }).first()).toBeVisible();

  await go(page, '#/wallet');
  await expect(page.locator('dt:text-is("Available") + dd')).toHaveText('¥500.00');
  await expect(page.locator('dt:text-is("In escrow") + dd')).toHaveText('¥0.00');
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem').first()).toContainText('Team did not fill, money back');
});
