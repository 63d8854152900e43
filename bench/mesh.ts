/**
 * npm run bench:mesh [-- --sizes 2,3,4,6 --seconds 5]
 *
 * Full meshes of 2, 3, 4 and 6 participants, each a real Parley page in Chromium with the fake
 * 640x480 camera: per-participant uplink bitrate (all outbound RTP), the browser's CPU use (its whole
 * process tree, in cores), and whether every remote video is decoding. A measurement, not a test.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { createSignalingServer } from '../signaling-server/src/index';
import { descendantCpuSeconds } from './processCpu';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '2,3,4,6' }, seconds: { type: 'string', default: '5' } } });
const SIZES = values.sizes.split(',').map(Number);
const SECONDS = Number(values.seconds);

function instrument(): void {
  const Native = window.RTCPeerConnection;
  const all: RTCPeerConnection[] = [];
  (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = all;
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      all.push(this);
    }
  };
}

/** Bytes sent (all outbound RTP) and frames decoded per remote video, for one page. */
function sample(page: Page): Promise<{ bytesSent: number; decoded: number[] }> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.filter((pc) => pc.connectionState !== 'closed');
    let bytesSent = 0;
    const decoded: number[] = [];
    for (const pc of pcs) {
      (await pc.getStats()).forEach((r: Record<string, unknown>) => {
        if (r['type'] === 'outbound-rtp') bytesSent += Number(r['bytesSent'] ?? 0);
        if (r['type'] === 'inbound-rtp' && r['kind'] === 'video') decoded.push(Number(r['framesDecoded'] ?? 0));
      });
    }
    return { bytesSent, decoded };
  });
}

const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../out/renderer') });
console.log(`Mesh benchmark: 640x480 at 15 fps fake cameras, ${SECONDS} s windows, loopback, 2 cores\n`);
console.log('size  uplink/participant (mean, max)   browser CPU (cores)   remote videos decoding');
try {
  for (const size of SIZES) {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const pages: Page[] = [];
      for (let i = 0; i < size; i++) {
        const page = await (await browser.newContext()).newPage();
        await page.addInitScript(instrument);
        await page.goto(`${server.url}/?room=mesh-${size}`);
        await page.getByLabel('Display name').fill(`P${i}`);
        await page.getByRole('button', { name: 'Join' }).click();
        await page.getByRole('button', { name: 'Leave' }).waitFor();
        pages.push(page);
      }
      await pages[0]!.waitForTimeout(8000); // let bandwidth estimation ramp up
      const before = await Promise.all(pages.map(sample));
      const cpuBefore = descendantCpuSeconds();
      const started = performance.now();
      await pages[0]!.waitForTimeout(SECONDS * 1000);
      const elapsed = (performance.now() - started) / 1000;
      const cpu = (descendantCpuSeconds() - cpuBefore) / elapsed;
      const after = await Promise.all(pages.map(sample));
      const uplinks = after.map((a, i) => ((a.bytesSent - before[i]!.bytesSent) * 8) / elapsed / 1000);
      const remotes = after.flatMap((a, i) => a.decoded.map((frames, k) => frames > (before[i]!.decoded[k] ?? 0)));
      const decoding = remotes.filter(Boolean).length;
      const mean = uplinks.reduce((x, y) => x + y, 0) / uplinks.length;
      console.log(
        `${String(size).padStart(4)}  ${`${mean.toFixed(0)} kbit/s, ${Math.max(...uplinks).toFixed(0)} kbit/s`.padStart(31)}   ${cpu.toFixed(2).padStart(19)}   ${`${decoding}/${size * (size - 1)}`.padStart(22)}`,
      );
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
