/**
 * npx tsx scripts/render-icon.ts — renders build/icon.svg to build/icon.png (1024×1024, transparent
 * corners). electron-builder makes the .icns, .ico and Linux sizes from that PNG at packaging time,
 * so the PNG is the only raster kept in git. Run it after editing the SVG and commit both.
 * Uses the system Chromium if there is one (Debian: apt install chromium), else Playwright's;
 * PARLEY_CHROMIUM=/path/to/chrome picks another.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const SIZE = 1024;
const build = join(resolve(import.meta.dirname, '..'), 'build');
const executablePath = process.env.PARLEY_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const browser = await chromium.launch({ executablePath, args: ['--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  const svg = readFileSync(join(build, 'icon.svg'), 'utf8');
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style>${svg}`);
  await page.screenshot({ path: join(build, 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
} finally {
  await browser.close();
}
console.log(`wrote ${join(build, 'icon.png')}`);
