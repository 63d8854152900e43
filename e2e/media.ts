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
 * Asserts that the page receives live video and audio from `peers` others: within one second,
 * every peer connection decodes more frames and receives more audio samples and energy, and every
 * remote tile plays. Windows are retried for a while, because two pages sharing Chromium's fake
 * camera in one browser sometimes pause the sender's feed for ~2.5 s right after connecting
 * (never seen with a single page; see the notes on issue 3).
 */
export async function expectMediaFlowing(page: Page, peers: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const before = await sampleInbound(page);
        await page.waitForTimeout(1000);
        const after = await sampleInbound(page);
        if (before.length !== peers || after.length !== peers) return `${after.length} peer connections, expected ${peers}`;
        const stalled = after.flatMap((sample, i) => {
          const earlier = before[i]!;
          return [
            sample.framesDecoded > earlier.framesDecoded ? '' : `video from peer ${i}`,
            sample.audioSamples > earlier.audioSamples ? '' : `audio samples from peer ${i}`,
            sample.audioEnergy > earlier.audioEnergy ? '' : `audio energy from peer ${i}`,
            sample.frameWidth > 0 ? '' : `frame width from peer ${i}`,
          ].filter(Boolean);
        });
        return stalled.length === 0 ? 'flowing' : `stalled: ${stalled.join(', ')}`;
      },
      { timeout: 20_000, intervals: [0] },
    )
    .toBe('flowing');
  await expect.poll(() => remoteVideoWidths(page)).toHaveLength(peers);
  await expect.poll(async () => (await remoteVideoWidths(page)).every((width) => width > 0)).toBe(true);
}

/** Offers and answers this page has applied so far (local and remote descriptions). */
export function descriptionCount(page: Page): Promise<{ local: number; remote: number }> {
  return page.evaluate(() => ({ ...(window as unknown as { __parleyDescriptions: { local: number; remote: number } }).__parleyDescriptions }));
}

/** Labels of the tracks this page is sending, by kind, across its open peer connections. */
export function sentTrackLabels(page: Page): Promise<{ audio: string[]; video: string[] }> {
  return page.evaluate(() => {
    const all = (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections;
    const labels = { audio: [] as string[], video: [] as string[] };
    for (const pc of all.filter((p) => p.connectionState !== 'closed')) {
      for (const sender of pc.getSenders()) if (sender.track) labels[sender.track.kind as 'audio' | 'video'].push(sender.track.label);
    }
    return labels;
  });
}

/** Total audio energy received so far from each open peer connection. */
export async function audioEnergy(page: Page): Promise<number[]> {
  return (await sampleInbound(page)).map((s) => s.audioEnergy);
}

/** The average colour of the middle of a remote participant's video as this page shows it. */
export function averageColour(page: Page, peerName: string): Promise<{ r: number; g: number; b: number; width: number; height: number }> {
  return page.getByRole('figure', { name: peerName, exact: true }).locator('video').evaluate((element) => {
    const video = element as HTMLVideoElement;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0);
    // The middle half, away from the fake camera's corner markers and timestamp.
    const x = Math.floor(canvas.width / 4);
    const y = Math.floor(canvas.height / 4);
    const { data } = context.getImageData(x, y, Math.floor(canvas.width / 2), Math.floor(canvas.height / 2));
    let r = 0, g = 0, b = 0;
    for (let i = 0; i < data.length; i += 4) {
      r += data[i]!;
      g += data[i + 1]!;
      b += data[i + 2]!;
    }
    const n = data.length / 4;
    return { r: r / n, g: g / n, b: b / n, width: video.videoWidth, height: video.videoHeight };
  });
}
