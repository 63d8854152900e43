/**
 * A volume for each person: three people whose microphones play the same voice-like sound. Grace
 * turns Ada down to 0% and Ada is silent in Grace's audio graph while Linus still sounds there and
 * Linus still hears Ada; turned up to 200% she plays louder than she is sent; "Mute for me" on
 * Linus silences him for Grace only. The tiles' own elements stay muted (no sound played twice).
 */
import type { Page } from '@playwright/test';
import { playedLevel, voiceLevels } from './audioGraph';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { expect, joinCall, openParticipant, test } from './fixtures';
import { expectMediaFlowing } from './media';
import { writeToneWav } from './toneFile';

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${writeToneWav()}`] } });

/** Heard: well above what a silent graph reads (0), well below the voice's level (≈0.08–0.15). */
const HEARD = 0.01;
const SILENT = 0.001;

async function soundMenu(page: Page, name: string) {
  const tile = page.getByRole('figure', { name, exact: true });
  await tile.hover();
  await tile.getByRole('button', { name: `Sound of ${name}` }).click();
  return page.getByRole('dialog', { name: `Sound of ${name}` });
}

test('Grace turns Ada down to silence and up to 200%, and mutes Linus for herself only', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada');
  const grace = await openParticipant(browser, server, 'Grace');
  const linus = await openParticipant(browser, server, 'Linus');
  participants.push(ada, grace, linus);
  for (const person of [ada, grace, linus]) await joinCall(person);
  for (const person of [ada, grace, linus]) await expectMediaFlowing(person.page, 2);

  await expect.poll(() => playedLevel(grace.page, 'Ada'), { timeout: 10_000 }).toBeGreaterThan(HEARD);
  expect(await playedLevel(grace.page, 'Linus')).toBeGreaterThan(HEARD);
  // As sent: played as loud as it arrives.
  const asSent = await voiceLevels(grace.page, 'Ada');
  expect(asSent.played / asSent.received).toBeCloseTo(1, 1);
  // The graph plays the voices; a tile's element playing them too would double them.
  expect(await grace.page.locator('figure[data-peer-id] video').evaluateAll((videos) => videos.map((video) => (video as HTMLVideoElement).muted))).toEqual([true, true]);

  const menu = await soundMenu(grace.page, 'Ada');
  const slider = menu.getByRole('slider', { name: 'Volume of Ada for you' });
  await expect(slider).toBeFocused();
  await grace.page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', '0%');
  const turnedDown = Date.now();
  await expect.poll(() => playedLevel(grace.page, 'Ada'), { timeout: 1000, intervals: [0] }).toBeLessThan(SILENT);
  const silentAfter = Date.now() - turnedDown;
  const silenced = await voiceLevels(grace.page, 'Ada');
  console.log(`[volume] Ada silent at Grace within ${silentAfter} ms of 0% (a 0.75 s look included); she still arrives at ${silenced.received.toFixed(3)}`);
  expect(silenced.received).toBeGreaterThan(HEARD); // she still arrives; only Grace does not play her
  expect(await playedLevel(grace.page, 'Linus')).toBeGreaterThan(HEARD);
  expect(await playedLevel(linus.page, 'Ada')).toBeGreaterThan(HEARD);

  await grace.page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', '200%');
  await expect.poll(async () => {
    const { played, received } = await voiceLevels(grace.page, 'Ada');
    return played / received;
  }).toBeCloseTo(2, 1);
  const louder = await voiceLevels(grace.page, 'Ada');
  console.log(`[volume] Ada at 200%: played ${louder.played.toFixed(3)} for ${louder.received.toFixed(3)} received (${(louder.played / louder.received).toFixed(2)}×)`);
  await grace.page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  const linusMenu = await soundMenu(grace.page, 'Linus');
  const muteForMe = linusMenu.getByRole('switch', { name: 'Mute for me' });
  await linusMenu.getByText('Mute for me').click(); // the switch's label, as a mouse user clicks it
  await expect(muteForMe).toBeChecked();
  await grace.page.keyboard.press('Escape');
  await expect(grace.page.getByRole('figure', { name: 'Linus', exact: true }).getByRole('img', { name: 'Muted for you' })).toBeVisible();
  await expect.poll(() => playedLevel(grace.page, 'Linus'), { timeout: 2000 }).toBeLessThan(SILENT);
  expect(await playedLevel(ada.page, 'Linus')).toBeGreaterThan(HEARD);
  expect(await playedLevel(grace.page, 'Ada')).toBeGreaterThan(HEARD);
  // Nobody else's screen says anything: it is Grace's choice alone.
  await expect(ada.page.getByRole('img', { name: 'Muted for you' })).toHaveCount(0);
});
