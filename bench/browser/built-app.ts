/**
 * The built app (dist, as a static host serves it) under `vite preview` on loopback, with
 * Debian's Chromium: what the benches of the real app's screens share. Stops both whatever
 * the bench does.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { preview } from 'vite';
import { buildApp } from '../build-app.ts';
import { launchChromium, REPO } from './chromium.ts';

export async function withBuiltApp<T>(port: number, run: (url: string, browser: Browser) => Promise<T>): Promise<T> {
  const { outDir } = await buildApp();
  const server = await preview({
    root: REPO, configFile: join(REPO, 'vite.config.ts'), logLevel: 'silent', build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  const browser = await launchChromium();
  try {
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('vite preview has no local address');
    return await run(url, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}
