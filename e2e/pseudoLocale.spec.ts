/**
 * Layouts survive longer words: with the pseudo-locale (every string 40% longer, accented, in
 * brackets; src/shared/i18n/pseudo.ts) the home screen, the call's toolbar and each side panel fit
 * their boxes, at the smallest window Parley allows (640×480) and at 1280×800: no horizontal
 * scrolling, no text spilling out of its control. Controls are found by their role and place, as
 * their names are pseudo-words here.
 */
import type { Page } from '@playwright/test';
import { instrumentAudioGraph } from './audioGraph';
import { expect, instrumentPeerConnections, joinCall, openParticipant, test } from './fixtures';

const PANELS = ['chat', 'people', 'statistics', 'settings'] as const;

/** What spills: the page wider than the window, or a control's text wider than its box. */
function overflows(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`);
    for (const element of document.querySelectorAll<HTMLElement>(`${selector} :is(button, label, h1, h2, summary, .control, select, .side-panel, .controls)`)) {
      // Not shown, or hidden on purpose for screen readers only.
      if (element.offsetParent === null || element.closest(".visually-hidden")) continue;
      if (element.scrollWidth > element.clientWidth + 1) found.push(`${element.tagName.toLowerCase()}.${element.className || '-'}: ${element.scrollWidth} > ${element.clientWidth} "${element.textContent?.slice(0, 40)}"`);
    }
    return found;
  }, scope);
}

for (const viewport of [
  { width: 640, height: 480 },
  { width: 1280, height: 800 },
]) {
  test(`with strings 40% longer than English, nothing spills at ${viewport.width}×${viewport.height}`, async ({ browser, server, participants }) => {
    const context = await browser.newContext({ viewport, locale: 'en-US' });
    await context.addInitScript(() => localStorage.setItem('parley.settings', JSON.stringify({ state: { language: 'en-XA' }, version: 1 })));
    const page = await context.newPage();
    await page.addInitScript(instrumentPeerConnections);
    await page.addInitScript(instrumentAudioGraph);
    await page.goto(`${server.url}/?room=team`);
    participants.push({ name: 'Ada', page, context });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    await expect(page.locator('label').first()).toHaveText(/^\[.+ ~+\]$/);
    await page.locator('input[name="displayName"]').fill('Ada');
    await page.locator('details.home__more > summary').click();
    expect(await overflows(page, '#root')).toEqual([]);

    const grace = await openParticipant(browser, server, 'Grace', 'team', undefined, { viewport });
    participants.push(grace);
    await page.locator('.home__actions button[type="submit"]').click();
    await expect(page.locator('[data-control="leave"]')).toBeVisible();
    await joinCall(grace);
    await expect(page.locator('figure[data-peer-id]')).toHaveCount(1);
    expect(await overflows(page, '#root')).toEqual([]);

    for (const panel of PANELS) {
      if (panel === 'chat' || panel === 'people') await page.locator(`[data-control="${panel}"]`).click();
      else {
        await page.locator('[data-control="more"]').click();
        await page.locator(`[data-control="${panel}"]`).click();
      }
      await expect(page.locator('.side-panel')).toBeVisible();
      expect(await overflows(page, '#root'), panel).toEqual([]);
      // Closed with its own close button: this test is about room for words. (Escape is the
      // keyboard test's; here, with the settings' camera list focused just after it opened,
      // Chromium sometimes swallowed the first Escape before the page saw it.)
      await page.locator('.side-panel__head button').click();
      await expect(page.locator('.side-panel'), `${panel} closes`).toHaveCount(0);
    }
  });
}
