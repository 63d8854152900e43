/**
 * Where the one-feature benchmarks (bench:noise, bench:background) start: Parley's server serving
 * the built renderer, one Chromium with the fake devices, Ada and Grace in one call, and Ada's
 * Settings open. Every connection each page makes is recorded (pagePeerConnections.ts).
 */
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { createSignalingServer } from '../signaling-server/src/index';
import { recordPeerConnections } from './pagePeerConnections';

export interface PairInCall {
  ada: Page;
  grace: Page;
  browser: Browser;
  /** Closes the browser and the server. */
  close(): Promise<void>;
}

export async function pairInCall(room: string): Promise<PairInCall> {
  const server = await createSignalingServer({ port: 0, host: '127.0.0.1', staticDir: resolve(import.meta.dirname, '../out/renderer') });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const close = async (): Promise<void> => {
    await browser.close();
    await server.close();
  };
  try {
    const pages: Page[] = [];
    for (const name of ['Ada', 'Grace']) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(recordPeerConnections);
      await page.goto(`${server.url}/?room=${room}`);
      await page.getByLabel('Display name').fill(name);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByRole('button', { name: 'Leave' }).waitFor();
      pages.push(page);
    }
    const [ada, grace] = pages as [Page, Page];
    await ada.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'More' }).click();
    await ada.getByRole('menu', { name: 'More' }).getByRole('menuitemcheckbox', { name: 'Settings' }).click();
    return { ada, grace, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}
