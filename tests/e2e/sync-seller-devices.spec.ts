import { expect, test } from '@playwright/test';
import { ACROSS, connect, go, sellerDevice, startEnv, type Env } from './sync-helpers.ts';

// Two seller devices of one shop (issue 10, item 7): while one decides, the other stands by,
// and still follows the shop's journal, so it shows the shop's catalog and never offers to
// "start from the demo catalog" over it (which would save every product again, stock and all).
test.use({ viewport: { width: 360, height: 740 } });

let env: Env | undefined;
test.afterEach(async () => {
  await env?.close();
  env = undefined;
});

test('a seller device standing by while another decides knows the shop’s catalog, and never offers to start one', async ({ browser }) => {
  test.setTimeout(90_000);
  env = await startEnv([]);
  const phone = await sellerDevice(browser, env);
  await go(phone.page, '#/');
  await expect(phone.page.getByText('41 products')).toBeVisible(ACROSS);

  // A second device (another browser profile) signs in as the seller while the phone decides.
  const context = await browser.newContext({ baseURL: env.site.url });
  env.contexts.push(context);
  // Whatever the screen shows at any moment, from the first paint on.
  await context.addInitScript(() => {
    const seen = () => {
      if (document.body?.innerText.includes('This shop has no catalog yet.')) (window as unknown as { sawNewShop: boolean }).sawNewShop = true;
    };
    new MutationObserver(seen).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  await connect(page, 'admin');
  await expect(page.getByText(/Another device decides for the shop now/)).toBeVisible(ACROSS);
  await expect(page.getByRole('button', { name: 'Start from the demo catalog' })).toHaveCount(0);
  await go(page, '#/');
  await expect(page.getByText('41 products')).toBeVisible(ACROSS);
  await go(page, '#/settings');
  await expect(page.getByText(/Another device decides for the shop now/)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sawNewShop?: boolean }).sawNewShop ?? false)).toBe(false);
});
