/** Reads what really arrives over each peer connection of a page, from `getStats()`. */
import { expect, type Page } from '@playwright/test';

export interface InboundSample {
  framesDecoded: number;
  audioSamples: number;
  audioEnergy: number;
  frameWidth: number;
}

/** One sample per open peer connection of the page, in creation order. */
export function sampleInbound(page: Page): Promise<InboundSample[]> {
  return page.evaluate(async () => {
    const all = (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections;
    const open = all.filter((pc) => pc.connectionState !== 'closed');
    return Promise.all(
      open.map(async (pc) => {
        const sample = { framesDecoded: 0, audioSamples: 0, audioEnergy: 0, frameWidth: 0 };
        (await pc.getStats()).forEach((report: Record<string, unknown>) => {
          if (report['type'] !== 'inbound-rtp') return;
          if (report['kind'] === 'video') {
            sample.framesDecoded += Number(report['framesDecoded'] ?? 0);
            sample.frameWidth = Math.max(sample.frameWidth, Number(report['frameWidth'] ?? 0));
          } else if (report['kind'] === 'audio') {
            sample.audioSamples += Number(report['totalSamplesReceived'] ?? 0);
            sample.audioEnergy += Number(report['totalAudioEnergy'] ?? 0);
          }
        });
        return sample;
      }),
    );
  });
}

/** Widths of the remote participants' <video> elements as the page renders them. */
export function remoteVideoWidths(page: Page): Promise<number[]> {
  return page.locator('figure[data-peer-id] video').evaluateAll((videos) => videos.map((v) => (v as HTMLVideoElement).videoWidth));
}

/**
 * Asserts that the page receives live video and audio from `peers` others: every peer connection
 * decodes more frames and receives more audio between two samples, and every remote tile plays.
 */
export async function expectMediaFlowing(page: Page, peers: number): Promise<void> {
  await expect.poll(async () => (await sampleInbound(page)).filter((s) => s.framesDecoded > 0).length, { timeout: 15_000 }).toBe(peers);
  const before = await sampleInbound(page);
  await page.waitForTimeout(1500);
  const after = await sampleInbound(page);
  expect(after).toHaveLength(peers);
  after.forEach((sample, i) => {
    const earlier = before[i]!;
    expect(sample.framesDecoded, `video frames from peer ${i}`).toBeGreaterThan(earlier.framesDecoded);
    expect(sample.audioSamples, `audio samples from peer ${i}`).toBeGreaterThan(earlier.audioSamples);
    expect(sample.audioEnergy, `audio energy from peer ${i}`).toBeGreaterThan(earlier.audioEnergy);
    expect(sample.frameWidth, `frame width from peer ${i}`).toBeGreaterThan(0);
  });
  await expect.poll(() => remoteVideoWidths(page)).toHaveLength(peers);
  await expect.poll(async () => (await remoteVideoWidths(page)).every((width) => width > 0)).toBe(true);
}
