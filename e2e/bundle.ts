/** Bundles one module of the call layer from source, to load into a page as `window.ParleyCall` (or another name). */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';

export async function loadCallModule(page: Page, file: string, globalName = 'ParleyCall'): Promise<void> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, '../src/renderer/src/call', file)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
  });
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}
