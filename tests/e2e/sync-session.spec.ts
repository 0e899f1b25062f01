import { expect, test, type Browser, type Page } from '@playwright/test';
import { openSignUp, TEST_SERVER } from '../sync/couch-server.ts';
import {
  ACROSS, buyForPickup, credit, device, expectStatusSoon, expectWallet, go, passwordOf, sellerDevice, startEnv, underServiceWorker, type Env,
} from './sync-helpers.ts';
import { setLanguage } from './menu.ts';

// A session the server ends while phones are offline, and a buyer who has just signed up:
// the two moments when a device of a real shop cannot sync through no fault of its own. Each
// must say so in the person's words where they look, and go on by itself once it can.
test.use({ viewport: { width: 360, height: 740 } });

let env: Env | undefined;
test.afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** The test server ends a session this long after its last use (CouchDB's default is 600 s). */
const SESSION_S = 40;

const header = (page: Page) => page.getByRole('banner');

/** A new phone that connects to the shop and fills in the sign-up form (Create account is the caller's). */
async function signUpForm(browser: Browser, env: Env, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: env.site.url });
  env.contexts.push(context);
  const page = await context.newPage();
  await page.goto('./#/settings');
  await page.getByLabel('Server address').fill('/couch/');
  await page.getByLabel("Shop's id").fill('demo');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Password').fill(`${name}-password`);
  return page;
}

test('a session that ends while the buyer and the seller are offline: each is asked for the password where they look, then everything goes', async ({ browser }) => {
  test.skip(TEST_SERVER.kind !== 'couchdb', 'Sessions that end after [chttpd_auth] timeout are tested on real CouchDB');
  test.setTimeout(180_000);
  env = await startEnv(['yan'], undefined, { config: { chttpd_auth: { timeout: String(SESSION_S) } } });
  const seller = await sellerDevice(browser, env);
  await credit(seller.page, 'yan', 100);
  const buyer = await device(browser, env, 'yan');
  await expectWallet(buyer.page, '¥100.00');
  await underServiceWorker(buyer.page);
  await underServiceWorker(seller.page);

  // Both phones go offline; yan orders. They stay away longer than the server's sessions last.
  await buyer.context.setOffline(true);
  await seller.context.setOffline(true);
  const id = await buyForPickup(buyer.page, 'yo-yo');
  await expectStatusSoon(buyer.page, 'Queued on this device');
  await buyer.page.waitForTimeout((SESSION_S + 5) * 1_000);

  // Back online, the seller's device says at once, on whatever screen, that the shop has stopped deciding.
  await seller.context.setOffline(false);
  await expect(seller.page.getByRole('alert')).toHaveText(/The shop has stopped deciding/, ACROSS);
  await go(seller.page, '#/seller/orders');
  await expect(seller.page.getByRole('alert')).toBeVisible();

  // The buyer's order page asks for the password, and the header offers it too; nothing says "All synced".
  await buyer.context.setOffline(false);
  const form = buyer.page.getByRole('form', { name: /This order waits on this device: your session with the shop has ended/ });
  await expect(form).toBeVisible(ACROSS);
  await expect(header(buyer.page).getByRole('status')).toContainText('1 waiting to sync');
  await header(buyer.page).getByRole('button', { name: 'Sign in to sync' }).click();
  const underHeader = buyer.page.getByRole('form', { name: /Your session with the shop has ended/ });
  await expect(underHeader.getByLabel('Password for yan')).toBeFocused();
  await buyer.page.screenshot({ path: test.info().outputPath('session-ended-en.png'), fullPage: true });
  await seller.page.screenshot({ path: test.info().outputPath('seller-stopped-en.png') });
  // The same in Chinese, on both phones.
  for (const p of [buyer.page, seller.page]) await setLanguage(p, 'zh');
  await expect(buyer.page.getByRole('form', { name: /此订单还在本机等待/ })).toBeVisible();
  await expect(header(buyer.page).getByRole('button', { name: '登录以同步' })).toBeVisible();
  await expect(seller.page.getByRole('alert')).toHaveText(/店铺已停止处理订单/);
  await buyer.page.screenshot({ path: test.info().outputPath('session-ended-zh.png'), fullPage: true });
  await seller.page.screenshot({ path: test.info().outputPath('seller-stopped-zh.png') });
  // Settings asks too.
  await go(buyer.page, '#/settings');
  await expect(buyer.page.getByText('你在本店的登录已过期：请重新登录以发送订单。')).toBeVisible();
  await buyer.page.screenshot({ path: test.info().outputPath('settings-zh.png'), fullPage: true });
  for (const p of [buyer.page, seller.page]) await setLanguage(p, 'en');
  await expect(buyer.page.getByRole('form', { name: /^Your session with the shop has ended/ })).toHaveCount(2); // under the header, and here
  await buyer.page.screenshot({ path: test.info().outputPath('settings-en.png'), fullPage: true });
  await go(buyer.page, `#/orders/${id}`);

  // A wrong password is said so, and changes nothing; the right one sends the order at once.
  await form.getByLabel('Password for yan').fill('not-it');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByText('Wrong password.')).toBeVisible();
  await form.getByLabel('Password for yan').fill(passwordOf('yan'));
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expectStatusSoon(buyer.page, 'Sent, waiting for the shop');
  await expect(buyer.page.getByRole('form')).toHaveCount(0);

  // The seller signs in again where the alert is, and the shop decides the order.
  const sellerForm = seller.page.getByRole('form', { name: /The shop has stopped deciding/ });
  await sellerForm.getByLabel('Password for admin').fill(passwordOf('admin'));
  await sellerForm.getByRole('button', { name: 'Sign in' }).click();
  await expect(seller.page.getByRole('alert')).toHaveCount(0, ACROSS);
  await go(buyer.page, `#/orders/${id}`);
  await expectStatusSoon(buyer.page, 'Accepted');
  await expectWallet(buyer.page, '¥81.00', '¥19.00');
  await expect(header(buyer.page).getByRole('status')).toContainText('All synced');
});

test('a buyer who signs up is up to date within seconds, is told meanwhile in their own words, and the header never says "All synced" before', async ({ browser }) => {
  test.setTimeout(120_000);
  env = await startEnv([]);
  await openSignUp(env.couch);
  await sellerDevice(browser, env);

  const page = await signUpForm(browser, env, 'zoe');
  const signedUpAt = Date.now();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Signed in as zoe.')).toBeVisible();

  // Until the device has first synced with the shop (once the shop has opened zoe's channel), no
  // screen says "All synced", and none names a database. Whether it has synced is read from the
  // Settings panel ("Last synced …") in the same instant as the header: both follow one status,
  // so a sync that ends between two reads cannot pass for a header that spoke too early. (The
  // panel's "Up to date" lasts only until the next cycle starts: a poll can miss it.)
  const seen = new Set<string>();
  for (let i = 0; ; i++) {
    expect(i, 'synced within 30 s of signing up').toBeLessThan(120);
    const now = await page.evaluate(() => ({
      header: document.querySelector('header [role="status"]')?.textContent ?? '',
      body: document.body.innerText,
    }));
    if (now.body.includes('Last synced')) break;
    seen.add(now.header.replace(/\s+/g, ' ').trim());
    expect(now.header).not.toContain('All synced');
    expect(now.body).not.toMatch(/userdb-|database/i);
    await page.waitForTimeout(250);
  }
  console.log(`Up to date ${((Date.now() - signedUpAt) / 1000).toFixed(1)} s after "Create account" (${TEST_SERVER.kind}).`);
  // Whatever the header said meanwhile was one of the waiting words. On real CouchDB the seller's
  // device may adopt the channel before the first look (1.9 s in CI), so nothing may have been
  // seen: that the waiting is said in words at all is the next test's (no seller runs there).
  for (const text of seen) expect(text).toMatch(/Waiting for the shop|Not synced yet/);
  await expect(header(page).getByRole('status')).toContainText('All synced');
});

test('while the shop has not opened a new account, both languages say so in words (no database name)', async ({ browser }) => {
  test.setTimeout(90_000);
  env = await startEnv([]);
  await openSignUp(env.couch);
  // No seller device runs: on PouchDB Server nobody makes the channel; on CouchDB it is made
  // at sign-up, but nobody adopts it. Either way the buyer waits.
  const page = await signUpForm(browser, env, 'ivy');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Waiting for the shop to open your account.')).toBeVisible(ACROSS);
  await expect(header(page).getByRole('status')).toContainText('Waiting for the shop');
  await page.screenshot({ path: test.info().outputPath('waiting-en.png') });
  await setLanguage(page, 'zh');
  await expect(page.getByText('正在等待店铺开通您的账号。')).toBeVisible();
  await expect(header(page).getByRole('status')).toContainText('等待店铺开通');
  await page.screenshot({ path: test.info().outputPath('waiting-zh.png') });
  expect(await page.locator('body').innerText()).not.toMatch(/userdb-|database|数据库/i);
});
