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

  await ada.page.getByRole('button', { name: 'Share screen' }).click();
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
    // Both of Ada's videos decode: the camera (640 wide) and the screen, at its full width.
    await expect
      .poll(async () => {
        const videos = await decoding(page);
        return videos.filter((v) => v.growing).map((v) => v.width).sort((a, b) => a - b);
      }, { timeout: 20_000, intervals: [0] })
      .toEqual([640, screenWidth]);
  }

  await ada.page.getByRole('button', { name: 'Stop sharing' }).click();
  for (const { page } of viewers) {
    await expect(page.getByRole('figure', { name: 'Ada’s screen' })).toHaveCount(0);
    await expect
      .poll(async () => (await decoding(page)).filter((v) => v.growing).map((v) => v.width), { timeout: 20_000, intervals: [0] })
      .toEqual([640]);
  }
  await expect(ada.page.getByRole('button', { name: 'Share screen' })).toBeVisible();
});
