import { expect, type Page } from '@playwright/test';

/** Opens the header's menu (which side to play, who shops in the demo, the language), if closed. */
export async function openMenu(page: Page): Promise<void> {
  const button = menuButton(page);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Waits until a choice made in the menu has closed it. */
export async function menuClosed(page: Page): Promise<void> {
  await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'false');
}

function menuButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^(Menu|菜单)$/ });
}

/** Switches the language from the header's menu (the menu closes once chosen). */
export async function setLanguage(page: Page, language: 'en' | 'zh'): Promise<void> {
  await openMenu(page);
  await page.getByLabel(/^(Language|语言)$/).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'zh' ? 'zh-CN' : 'en');
  await menuClosed(page);
}
