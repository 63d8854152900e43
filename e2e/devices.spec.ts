/**
 * Devices and media in a call, in real Chromium with three fake cameras and three fake
 * microphones. Switch between fake_device_0 and fake_device_2 only (see TESTING.md).
 */
import { chromium } from '@playwright/test';
import { playedLevel, playingSinks } from './audioGraph';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { expect, fromMoreMenu, joinCall, openPair, openParticipant, test } from './fixtures';
import { audioLevels, averageColour, descriptionCount, expectMediaFlowing, HEARD, sentTrackLabels } from './media';

const THREE_OF_EACH = CHROMIUM_ARGS.map((arg) => (arg === '--use-fake-device-for-media-stream' ? `${arg}=device-count=3` : arg));
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: THREE_OF_EACH } });

test('camera and microphone switch mid-call without renegotiating, and the speaker can be chosen', async ({ browser, server, participants }) => {
  const { ada, grace } = await openPair(browser, server, participants);
  const before = { ada: await descriptionCount(ada.page), grace: await descriptionCount(grace.page) };
  expect((await sentTrackLabels(ada.page)).video).toEqual(['fake_device_0']);

  await fromMoreMenu(ada.page, 'Settings');
  const settings = ada.page.getByRole('complementary', { name: 'Settings' });
  await settings.getByLabel('Camera').selectOption({ label: 'fake_device_2' });
  await expect.poll(async () => (await sentTrackLabels(ada.page)).video).toEqual(['fake_device_2']);

  const microphones = settings.getByLabel('Microphone', { exact: true });
  const firstMicrophone = (await sentTrackLabels(ada.page)).audio[0];
  const otherMicrophone = (await microphones.locator('option').allTextContents()).find((label) => label !== 'System default' && label !== firstMicrophone)!;
  await microphones.selectOption({ label: otherMicrophone });
  await expect.poll(async () => (await sentTrackLabels(ada.page)).audio).toEqual([otherMicrophone]);

  // Grace keeps receiving Ada's video and audio, and nobody exchanged a single offer or answer.
  await expectMediaFlowing(grace.page, 1);
  expect(await descriptionCount(ada.page)).toEqual(before.ada);
  expect(await descriptionCount(grace.page)).toEqual(before.grace);

  // Grace sends the call to another speaker: the audio graph that plays the voices plays there.
  await fromMoreMenu(grace.page, 'Settings');
  const speakers = grace.page.getByRole('complementary', { name: 'Settings' }).getByLabel('Speaker');
  const speakerIds = await speakers.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const chosen = speakerIds[speakerIds.length - 1]!;
  await speakers.selectOption(chosen);
  await expect.poll(() => playingSinks(grace.page)).toEqual([chosen]);
  await expect.poll(() => playedLevel(grace.page, 'Ada')).toBeGreaterThan(HEARD);
});

test('mute and camera off show on the other screen within a second, and muted audio carries no energy', async ({ browser, server, participants }) => {
  const { ada, grace } = await openPair(browser, server, participants);
  const adaOnGrace = grace.page.getByRole('figure', { name: 'Ada', exact: true });
  // Ada's audio as it arrives at Grace, over a window (0.68 s) that always holds a fake beep.
  const level = async () => {
    await audioLevels(grace.page);
    await grace.page.waitForTimeout(1000);
    return (await audioLevels(grace.page))[0]!;
  };
  const speaking = await level();
  expect(speaking).toBeGreaterThan(HEARD);

  const descriptions = await descriptionCount(ada.page);
  await ada.page.getByRole('button', { name: 'Mute' }).click();
  await expect(adaOnGrace.getByRole('img', { name: 'Microphone muted' })).toBeVisible({ timeout: 1000 });
  await grace.page.waitForTimeout(500); // let the receiver's jitter buffer drain
  expect(await level()).toBeLessThan(speaking * 0.05);

  await ada.page.getByRole('button', { name: 'Camera off' }).click();
  await expect(adaOnGrace.getByRole('img', { name: 'Ada: camera off' })).toBeVisible({ timeout: 1000 });

  await ada.page.getByRole('button', { name: 'Mute' }).click();
  await ada.page.getByRole('button', { name: 'Camera off' }).click();
  await expect(adaOnGrace.getByRole('img', { name: 'Microphone muted' })).toHaveCount(0, { timeout: 1000 });
  await expect(adaOnGrace.getByRole('img', { name: 'Ada: camera off' })).toHaveCount(0, { timeout: 2000 });
  await expectMediaFlowing(grace.page, 1);
  expect(await descriptionCount(ada.page)).toEqual(descriptions);
});

test('an effect chosen by Ada changes the video Grace receives', async ({ browser, server, participants }) => {
  const { ada, grace } = await openPair(browser, server, participants);
  const plain = await averageColour(grace.page, 'Ada');
  expect(plain.g - plain.r).toBeGreaterThan(30); // the fake camera is green

  await fromMoreMenu(ada.page, 'Settings');
  await ada.page.getByRole('complementary', { name: 'Settings' }).getByLabel('Effect').selectOption('grayscale');
  await expect
    .poll(async () => {
      const { r, g, b } = await averageColour(grace.page, 'Ada');
      return Math.max(Math.abs(r - g), Math.abs(g - b), Math.abs(r - b));
    })
    .toBeLessThan(6);
  await expectMediaFlowing(grace.page, 1);
});

test('a snapshot has the tile’s dimensions and a recording plays back', async ({ browser, server, participants }) => {
  const { ada } = await openPair(browser, server, participants);
  const graceOnAda = ada.page.getByRole('figure', { name: 'Grace', exact: true });
  const size = await averageColour(ada.page, 'Grace');

  const [snapshot] = await Promise.all([ada.page.waitForEvent('download'), graceOnAda.getByRole('button', { name: 'Save a snapshot of Grace' }).click()]);
  expect(snapshot.suggestedFilename()).toMatch(/^Parley Grace .+\.png$/);
  const png = Buffer.from(await (await snapshot.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: size.width, height: size.height });

  await fromMoreMenu(ada.page, 'Record');
  await ada.page.waitForTimeout(3500);
  await ada.page.getByRole('button', { name: 'Stop recording' }).click();
  const review = ada.page.getByRole('dialog', { name: 'Your recording' });
  await expect(review).toBeVisible();
  await expect
    .poll(() => review.getByLabel('Recording play-back').evaluate((v) => (v as HTMLVideoElement).duration), { timeout: 10_000 })
    .toBeGreaterThan(2.5);
  const [recording] = await Promise.all([ada.page.waitForEvent('download'), review.getByRole('button', { name: 'Save recording' }).click()]);
  // MP4 (H.264) where this Chromium's MediaRecorder offers it, WebM otherwise: the name and the
  // bytes say the same.
  const mp4Offered = await ada.page.evaluate(() => ['video/mp4;codecs=avc1.42E01F,mp4a.40.2', 'video/mp4;codecs=avc1,mp4a.40.2', 'video/mp4;codecs=avc1.42E01F,opus', 'video/mp4;codecs=avc1,opus'].some((type) => MediaRecorder.isTypeSupported(type)));
  const bytes = Buffer.concat(await (await recording.createReadStream()).toArray());
  console.log(`[recording] ${recording.suggestedFilename()}: ${bytes.length} bytes, MP4 offered: ${mp4Offered}`);
  if (mp4Offered) {
    expect(recording.suggestedFilename()).toMatch(/\.mp4$/);
    expect(bytes.subarray(4, 8).toString()).toBe('ftyp');
  } else {
    expect(recording.suggestedFilename()).toMatch(/\.webm$/);
    expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
  }
});

test('joining with camera and microphone refused explains why, and still receives the others', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada');
  participants.push(ada);
  await joinCall(ada);

  // A browser that refuses every permission prompt (no fake-UI grant).
  const denying = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS.filter((arg) => arg !== '--use-fake-ui-for-media-stream'), '--deny-permission-prompts'],
  });
  try {
    const bob = await openParticipant(denying, server, 'Bob');
    await expect(bob.page.getByRole('status').filter({ hasText: 'access was refused' })).toBeVisible();
    await joinCall(bob);
    await expectMediaFlowing(bob.page, 1);
    await expect(ada.page.getByRole('figure', { name: 'Bob', exact: true }).getByRole('img', { name: 'Bob: camera off' })).toBeVisible();
  } finally {
    await denying.close();
  }
});

test('the microphone level meter follows the microphone on the home screen', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada');
  participants.push(ada);
  const meter = ada.page.getByRole('meter', { name: 'Microphone level' });
  // The fake microphone beeps: over three seconds the meter must rise with a beep and fall between.
  const levels = await meter.evaluate(async (element) => {
    const seen: number[] = [];
    for (let i = 0; i < 60; i++, await new Promise((r) => setTimeout(r, 50))) seen.push((element as HTMLMeterElement).value);
    return seen;
  });
  expect(Math.max(...levels)).toBeGreaterThan(0.1);
  expect(Math.min(...levels)).toBeLessThan(Math.max(...levels));
});
