/**
 * Whether the page is in front, as the renderer reads it (document.visibilityState, hasFocus()):
 * headless Chromium's pages are always visible, so a test sets it. It stands in for what the
 * desktop does to the page when its window is hidden, minimised or behind another program.
 */
import type { BrowserContext, Page } from '@playwright/test';

function installPageFocus(): void {
  const state = window as unknown as { __parleyHidden?: boolean; __parleyBlurred?: boolean };
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (state.__parleyHidden ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state.__parleyHidden === true });
  const hasFocus = document.hasFocus.bind(document);
  document.hasFocus = () => !state.__parleyHidden && !state.__parleyBlurred && hasFocus();
}

export async function emulatePageFocus(context: BrowserContext): Promise<void> {
  await context.addInitScript(installPageFocus);
}

/** 'hidden': the window hidden or minimised; 'behind': visible but another program has the focus. */
export function setPageFocus(page: Page, where: 'front' | 'behind' | 'hidden'): Promise<void> {
  return page.evaluate((next) => {
    const state = window as unknown as { __parleyHidden?: boolean; __parleyBlurred?: boolean };
    const wasHidden = state.__parleyHidden === true;
    state.__parleyHidden = next === 'hidden';
    state.__parleyBlurred = next !== 'front';
    if (wasHidden !== state.__parleyHidden) document.dispatchEvent(new Event('visibilitychange'));
  }, where);
}
