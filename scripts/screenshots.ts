/**
 * `npm run screenshots`: renders the interface to docs/screenshots/ so anyone can see it without
 * running it: the home screen, and a four-person call with each side panel, in both themes, in
 * English and in 简体中文. Real pages in Chromium (fake camera), a real local signaling server.
 *
 *   npm run screenshots [-- --only dark-en]
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createSignalingServer } from '../signaling-server/src/index';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const RENDERER = resolve(import.meta.dirname, '../out/renderer');
const NAMES = ['Ada', 'Grace', 'Linus', 'Barbara'];
const VIEWPORT = { width: 1280, height: 800 };

interface Variant {
  theme: 'light' | 'dark';
  locale: 'en-US' | 'zh-CN';
}

const VARIANTS: Variant[] = [
  { theme: 'light', locale: 'en-US' },
  { theme: 'dark', locale: 'en-US' },
  { theme: 'light', locale: 'zh-CN' },
  { theme: 'dark', locale: 'zh-CN' },
];

/** Each side panel, by the control that opens it (data-control: the same in every language). */
const PANELS = [
  { name: 'chat', open: (page: Page) => page.locator('[data-control="chat"]').click() },
  { name: 'people', open: (page: Page) => page.locator('[data-control="people"]').click() },
  { name: 'statistics', open: (page: Page) => openFromMore(page, 'statistics') },
  { name: 'settings', open: (page: Page) => openFromMore(page, 'settings') },
];

async function openFromMore(page: Page, item: string): Promise<void> {
  await page.locator('[data-control="more"]').click();
  await page.locator(`[data-control="${item}"]`).click();
}

/** Four participants on the home screen, their names typed (the form's fields by name). */
async function participants(browser: Browser, url: string, { theme, locale }: Variant): Promise<Page[]> {
  const pages: Page[] = [];
  for (const name of NAMES) {
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: theme, locale });
    const page = await context.newPage();
    await page.goto(`${url}/?room=team`);
    await page.locator('input[name="displayName"]').fill(name);
    pages.push(page);
  }
  return pages;
}

/** One variant's screenshots, in a browser of its own language (its file picker's words follow --lang). */
async function shoot(variant: Variant, tag: string): Promise<void> {
  // A server of its own: the last variant's participants keep their places for a while (resume).
  const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: RENDERER });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--lang=${variant.locale}`] });
  try {
    const pages = await participants(browser, server.url, variant);
    const first = pages[0]!;
    await first.screenshot({ path: join(OUT, `${tag}-home.png`) });
    for (const page of pages) await page.locator('.home__actions button[type="submit"]').click();
    for (const page of pages) await page.locator('[data-control="leave"]').waitFor();
    // Every tile's video playing (the check runs in the page: Node has no DOM types here).
    await first.waitForFunction(`[...document.querySelectorAll('.grid .tile video')].filter((video) => video.videoWidth > 0).length >= ${NAMES.length}`);
    await first.waitForTimeout(1500);
    await first.screenshot({ path: join(OUT, `${tag}-call.png`) });
    for (const panel of PANELS) {
      await panel.open(first);
      await first.waitForTimeout(500);
      await first.screenshot({ path: join(OUT, `${tag}-call-${panel.name}.png`) });
      await first.keyboard.press('Escape');
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  await mkdir(OUT, { recursive: true });
  for (const variant of VARIANTS) {
    const tag = `${variant.theme}-${variant.locale === 'en-US' ? 'en' : 'zh-CN'}`;
    if (only && only !== tag) continue;
    await shoot(variant, tag);
    console.log(`screenshots: ${tag}`);
  }
}

await main();
