/** Bundles one module of the call layer from source, to load into a page as `window.ParleyCall` (or another name). */
import { resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { build } from 'esbuild';

async function loadCallModule(page: Page, file: string, globalName = 'ParleyCall'): Promise<void> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, '../src/renderer/src/call', file)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
  });
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}

/**
 * Runs `test` on a page of the host (any page: a secure context) in a fresh browser context, with
 * these call-layer modules loaded (global name → file), and closes the context after.
 */
export async function withCallModules<T>(browser: Browser, serverUrl: string, modules: Record<string, string>, test: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${serverUrl}/parley.json`);
    for (const [globalName, file] of Object.entries(modules)) await loadCallModule(page, file, globalName);
    return await test(page);
  } finally {
    await context.close();
  }
}
