/**
 * The background effects find the person: Ada's fake camera shows a photograph of a person
 * (e2e/fixtures/astronaut.jpg: NASA's portrait of Eileen Collins, public domain) whose regions
 * are known: the flag and the backdrop behind her, her face and her suit. Grace compares what she
 * receives with the photograph region by region. With "Blur my background" the flag changes and
 * the face and suit stay as they were; with "Blur everything" the face changes too (the control);
 * with a background chosen, the background regions show it, built in or the user's own.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { withCallModules } from './bundle';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { expect, fromMoreMenu, openPair, test } from './fixtures';
import { expectMediaFlowing } from './media';
import { regionDifferences, type Region } from './pictureRegions';

const PHOTO = resolve(import.meta.dirname, 'fixtures/astronaut.jpg');
// Chromium plays a file as the camera by its extension; one JPEG is a one-frame MJPEG, repeated.
const CAMERA = join(mkdtempSync(join(tmpdir(), 'parley-camera-')), 'astronaut.mjpeg');
copyFileSync(PHOTO, CAMERA);
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${CAMERA}`] } });

// In the photograph's 640×480 pixels, each well inside what it is (checked by eye on the photo).
const FLAG: Region = { name: 'flag', x: 8, y: 16, width: 70, height: 250 };
const BACKDROP: Region = { name: 'backdrop', x: 565, y: 4, width: 70, height: 40 };
const FACE: Region = { name: 'face', x: 250, y: 100, width: 75, height: 95 };
const SUIT: Region = { name: 'suit', x: 95, y: 385, width: 110, height: 80 };
const BACKGROUND = [FLAG, BACKDROP];
const PERSON = [FACE, SUIT];

const photoUrl = `data:image/jpeg;base64,${readFileSync(PHOTO).toString('base64')}`;

async function chooseEffect(page: Page, effect: string): Promise<void> {
  const settings = page.getByRole('complementary', { name: 'Settings' });
  if (!(await settings.isVisible())) await fromMoreMenu(page, 'Settings');
  await settings.getByLabel('Effect').selectOption(effect);
}

/** Ada as Grace sees her, region by region, against a reference; once the effect has settled (two looks agree). */
async function settled(grace: Page, reference: string, regions: Region[], until: (d: Record<string, number>) => boolean): Promise<Record<string, number>> {
  let last: Record<string, number> = {};
  await expect
    .poll(
      async () => {
        last = await regionDifferences(grace, 'Ada', reference, regions);
        return until(last) || JSON.stringify(round(last));
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe(true);
  return last;
}

const round = (d: Record<string, number>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Number(v.toFixed(1))]));

test('blurring or replacing the background leaves the person as the camera saw her, and says what it reaches', async ({ browser, server, participants }) => {
  test.setTimeout(150_000);
  const { ada, grace } = await openPair(browser, server, participants);
  const all = [...BACKGROUND, ...PERSON];

  // Without an effect, the photograph arrives as it is: the comparison itself is sound.
  const plain = await settled(grace.page, photoUrl, all, (d) => all.every((r) => d[r.name]! < 15));

  const chosenAt = Date.now();
  await chooseEffect(ada.page, 'background-blur');
  const blurred = await settled(grace.page, photoUrl, all, (d) => d['flag']! > plain['flag']! + 12);
  // Until the model runs (it loads in the worker), the whole picture goes out blurred: the first
  // frame with the person sharp again marks it running at Grace's, polled every half second.
  const personSharpAfterMs = Date.now() - chosenAt;
  for (const region of PERSON) expect(blurred[region.name]!).toBeLessThan(plain[region.name]! + 4);

  // The control: the whole picture blurred changes her face as well.
  await chooseEffect(ada.page, 'blur');
  const wholly = await settled(grace.page, photoUrl, all, (d) => d['face']! > blurred['face']! + 4);

  // One of Parley's backgrounds: the background regions show it, and she is as she was.
  const study = await withCallModules(browser, server.url, { ParleyBackgrounds: 'segmentation/backgrounds.ts' }, (page) =>
    page.evaluate(() => {
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [640, 480];
      (window as unknown as { ParleyBackgrounds: typeof import('../src/renderer/src/call/segmentation/backgrounds') }).ParleyBackgrounds.paintBackground('study', canvas.getContext('2d')!, 640, 480);
      return canvas.toDataURL('image/png');
    }),
  );
  await chooseEffect(ada.page, 'background-image');
  const settings = ada.page.getByRole('complementary', { name: 'Settings' });
  await settings.getByRole('radio', { name: 'Study' }).check();
  const replaced = await settled(grace.page, study, BACKGROUND, (d) => BACKGROUND.every((r) => d[r.name]! < 8));
  const person = await regionDifferences(grace.page, 'Ada', photoUrl, PERSON);
  for (const region of PERSON) expect(person[region.name]!).toBeLessThan(plain[region.name]! + 4);

  // The user's own picture (a plain colour here, so the background regions must show exactly it).
  const own = await ada.page.evaluate(() => {
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [800, 600];
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#c0308a';
    context.fillRect(0, 0, 800, 600);
    return canvas.toDataURL('image/png');
  });
  const [chooser] = await Promise.all([ada.page.waitForEvent('filechooser'), settings.getByRole('button', { name: 'Choose a picture…' }).click()]);
  await chooser.setFiles({ name: 'plain.png', mimeType: 'image/png', buffer: Buffer.from(own.split(',')[1]!, 'base64') });
  await expect(settings.getByRole('radio', { name: 'My picture' })).toBeChecked();
  const ownShown = await settled(grace.page, own, BACKGROUND, (d) => BACKGROUND.every((r) => d[r.name]! < 8));

  // What the effect reaches on this machine, as Ada's media info says it, and what she sends.
  await settings.getByText('Media info').click();
  const reached = settings.getByText(/\d+ frames a second, \d+ ms a frame/);
  await expect(reached).toBeVisible({ timeout: 10_000 });
  const camera = await settings.getByText(/^\d+×\d+ at \d+ fps$/).textContent();
  const sent = await ada.page.evaluate(async () => {
    const pcs = (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections.filter((pc) => pc.connectionState === 'connected');
    const reports = [...(await pcs[0]!.getStats()).values()];
    const video = reports.find((r) => r.type === 'outbound-rtp' && r.kind === 'video' && r.framesPerSecond !== undefined);
    return { framesPerSecond: video?.framesPerSecond as number | undefined, width: video?.frameWidth as number | undefined };
  });
  console.log(
    `[background] plain ${JSON.stringify(round(plain))}; background blurred ${JSON.stringify(round(blurred))}; all blurred ${JSON.stringify(round(wholly))}; ` +
      `study behind her ${JSON.stringify(round(replaced))}, person ${JSON.stringify(round(person))}; own picture ${JSON.stringify(round(ownShown))}; ` +
      `person sharp at Grace's ${personSharpAfterMs} ms after choosing; media info: camera “${camera}”, effect “${await reached.textContent()}”; sent ${sent.framesPerSecond} fps at ${sent.width} px wide`,
  );
  await expectMediaFlowing(grace.page, 1);
});
