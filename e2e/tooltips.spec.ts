/**
 * The toolbar's tooltips (ui/primitives/TooltipTrigger.tsx, their bubble a chunk of its own): on
 * the home screen's preview and in the call, a button's tooltip shows its name (and its key) on
 * keyboard focus and on hover, describes the button, and Escape hides it.
 */
import type { Page } from '@playwright/test';
import { expect, joinCall, openParticipant, test } from './fixtures';

async function expectTooltipFor(page: Page, button: ReturnType<Page['getByRole']>, text: RegExp): Promise<void> {
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toHaveText(text);
  // The button is described by the tooltip, as React Aria ties them.
  const describedBy = await button.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  expect(describedBy!.split(' ')).toContain(await tooltip.getAttribute('id'));
}

test('a control says its name and key in a tooltip, on focus and on hover, on the home screen and in the call', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada');
  participants.push(ada);
  const { page } = ada;

  // The home screen's preview: the microphone button, by keyboard focus.
  const preview = page.getByRole('toolbar').filter({ has: page.getByRole('button', { name: 'Mute' }) }).first();
  const mute = preview.getByRole('button', { name: 'Mute' });
  await mute.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expectTooltipFor(page, mute, /^Mute/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);

  // In the call: hovering Share screen shows its name and its key.
  await joinCall(ada);
  const share = page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Share screen' });
  await share.hover();
  await expectTooltipFor(page, share, /Share screen.*S$/);
  await page.mouse.move(1, 1);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
});
