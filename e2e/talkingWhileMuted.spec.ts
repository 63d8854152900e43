/**
 * "You are talking while muted": Chromium's fake microphone plays a steady tone from a file made
 * here (a voice-level sound that never stops), so the hint must come while muted and never while not.
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { expect, joinCall, openParticipant, test } from './fixtures';
import { writeToneWav } from './toneFile';

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${writeToneWav()}`] } });

test('muted, the app says "you are talking while muted"; unmuted, it does not', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada');
  participants.push(ada);
  await joinCall(ada);
  const hint = ada.page.getByRole('status').filter({ hasText: 'You are talking while muted' });
  await ada.page.waitForTimeout(1500);
  await expect(hint).toHaveCount(0); // talking, but not muted
  await ada.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Mute' }).click();
  await expect(hint).toBeVisible({ timeout: 3000 });
  await expect(hint).toContainText('Press M');
  await ada.page.keyboard.press('m');
  await expect(hint).toHaveCount(0);
});
