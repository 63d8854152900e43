/**
 * Screen sharing in the browser flavour: the shared screen goes out as a second video track while
 * the camera keeps going, the others show it large, and stopping removes it everywhere.
 */
import type { Page } from '@playwright/test';
import { expect, joinCall, openParticipant, test } from './fixtures';

interface VideoIn {
  mid: string;
  width: number;
  frames: number;
}

/** Every inbound video on the page's first open connection (to Ada), by transceiver mid. */
const videoIn = (page: Page): Promise<VideoIn[]> =>
  page.evaluate(async () => {
    const pc = (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections.find((p) => p.connectionState !== 'closed')!;
    const found: VideoIn[] = [];
    (await pc.getStats()).forEach((report: Record<string, unknown>) => {
      if (report['type'] === 'inbound-rtp' && report['kind'] === 'video') {
        found.push({ mid: String(report['mid']), width: Number(report['frameWidth'] ?? 0), frames: Number(report['framesDecoded'] ?? 0) });
      }
    });
    return found.sort((a, b) => a.mid.localeCompare(b.mid));
  });

/**
 * Whether Ada's encoder has been limited by CPU or bandwidth while sending her camera (time spent
 * limited in `qualityLimitationDurations`, or resolution changes it made; fast start's request is
 * neither): then it may arrive below its 640 width, having started or been scaled down smaller.
 * On a loaded two-core machine, encoding two cameras and two screens does.
 */
const cameraAdapted = (page: Page): Promise<boolean> =>
  page.evaluate(async () => {
    for (const pc of (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections) {
      if (pc.connectionState === 'closed') continue;
      const cameraMid = pc.getTransceivers().find((t) => t.receiver.track.kind === 'video')?.mid;
      let adapted = false;
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report['type'] !== 'outbound-rtp' || report['mid'] !== cameraMid) return;
        const limited = (report['qualityLimitationDurations'] ?? {}) as Record<string, number>;
        if (Number(report['qualityLimitationResolutionChanges'] ?? 0) > 0 || (limited['cpu'] ?? 0) > 0 || (limited['bandwidth'] ?? 0) > 0) adapted = true;
      });
      if (adapted) return true;
    }
    return false;
  });

/**
 * What each video decoding on a viewer is: Ada's camera (640 wide; less if her encoder adapted, or
 * if the viewer shows her camera as a thumbnail beside the screen and asked for less), her screen,
 * or something else.
 */
async function decodingKinds(viewer: Page, ada: Page, screenWidth: number): Promise<string[]> {
  const videos = (await decoding(viewer)).filter((video) => video.growing);
  const adapted = await cameraAdapted(ada);
  const askedSmaller = (await viewer.getByRole('figure', { name: 'Ada', exact: true }).getAttribute('data-view')) === 'thumbnail';
  return videos
    .map((video) => {
      if (video.width === screenWidth) return 'screen';
      if (video.width === 640 || ((adapted || askedSmaller) && video.width > 0 && video.width < 640)) return 'camera';
      return `a video ${video.width} wide`;
    })
    .sort();
}

/** Which of the page's inbound videos decode more frames over a second: [width, growing] per track. */
async function decoding(page: Page): Promise<{ width: number; growing: boolean }[]> {
  const before = await videoIn(page);
  await page.waitForTimeout(1000);
  const after = await videoIn(page);
  return after.map((video) => ({ width: video.width, growing: video.frames > (before.find((b) => b.mid === video.mid)?.frames ?? Infinity) }));
}

test('a shared screen reaches the others as a second track at screen resolution, the camera goes on, and stopping removes it', async ({
  browser,
  server,
  participants,
}) => {
  test.setTimeout(120_000);
  const ada = await openParticipant(browser, server, 'Ada');
  participants.push(ada);
  await joinCall(ada);
  const viewers = [];
  for (const name of ['Grace', 'Linus']) {
    const viewer = await openParticipant(browser, server, name);
    participants.push(viewer);
    await joinCall(viewer);
    viewers.push(viewer);
  }
  for (const participant of participants) await expect(participant.page.locator('figure[data-peer-id]')).toHaveCount(2);

  await ada.page.getByRole('button', { name: 'Share screen', pressed: false }).click();
  await expect(ada.page.getByRole('button', { name: 'Share screen', pressed: true })).toBeVisible();
  await expect(ada.page.getByRole('status').filter({ hasText: 'You are sharing your screen' })).toBeVisible();
  // The size of what Ada captures (headless Chromium's fake screen is the window's size).
  const screenWidth = await ada.page.evaluate(() => {
    const pc = (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections.find((p) => p.connectionState !== 'closed')!;
    const widths = pc.getSenders().map((sender) => sender.track?.getSettings().width ?? 0);
    return Math.max(...widths);
  });
  expect(screenWidth).toBeGreaterThan(640);
  for (const { page } of viewers) {
    await expect(page.getByRole('figure', { name: 'Ada’s screen' })).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('figure.tile--featured')).toHaveAttribute('aria-label', 'Ada’s screen');
    // Both of Ada's videos decode: the camera (640 wide unless her encoder had to scale it down)
    // and the screen, at its full width.
    await expect.poll(() => decodingKinds(page, ada.page, screenWidth), { timeout: 20_000, intervals: [0] }).toEqual(['camera', 'screen']);
  }

  await ada.page.getByRole('button', { name: 'Share screen', pressed: true }).click();
  for (const { page } of viewers) {
    await expect(page.getByRole('figure', { name: 'Ada’s screen' })).toHaveCount(0);
    await expect.poll(() => decodingKinds(page, ada.page, screenWidth), { timeout: 20_000, intervals: [0] }).toEqual(['camera']);
  }
  await expect(ada.page.getByRole('button', { name: 'Share screen', pressed: false })).toBeVisible();
});
