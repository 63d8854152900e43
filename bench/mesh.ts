/**
 * npm run bench:mesh [-- --sizes 4,6,8 --layouts grid,speaker --seconds 8 --rounds 1]
 *
 * Full meshes of 4, 6 and 8 participants, each a real Parley page in Chromium with the fake
 * 640x480 camera, in grid and in speaker view. Each size and layout is measured twice in the same
 * run, alternating: "views", Parley as it is (each receiver tells each sender how it shows its
 * camera, and the sender sends that: encodingPolicy.ts), and "uniform", the same build with the
 * view messages dropped on the way out (so every sender sends every peer the same), which is how
 * Parley sent before. Printed per round: uplink per participant (all outbound RTP), the browser's
 * CPU (its whole process tree, in cores), and how many of the videos shown on screen decode
 * (frames advancing in the tiles not scrolled away). A measurement, not a test.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { createSignalingServer } from '../signaling-server/src/index';
import { recordPeerConnections } from './pagePeerConnections';
import { descendantCpuSeconds } from './processCpu';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '4,6,8' },
    layouts: { type: 'string', default: 'grid,speaker' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '1' },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const LAYOUTS = values.layouts.split(',') as ('grid' | 'speaker')[];
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
type Mode = 'views' | 'uniform';

/** The baseline: the page's view requests never leave it, so every sender keeps sending uniformly. */
function dropViewRequests(): void {
  const send = RTCDataChannel.prototype.send as (this: RTCDataChannel, data: string | ArrayBuffer | Blob | ArrayBufferView) => void;
  RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: string | ArrayBuffer | Blob | ArrayBufferView) {
    if (typeof data === 'string' && data.startsWith('{"type":"view"')) return;
    send.call(this, data);
  } as typeof RTCDataChannel.prototype.send;
}

/**
 * Bytes sent (all outbound RTP), how many of our video encoders are sending and how many of those
 * say CPU is what limits them, and frames presented by each tile's video that is shown.
 */
function sample(page: Page): Promise<{ bytesSent: Record<number, number>; encoders: number; cpuLimited: number; shown: Record<string, number> }> {
  return page.evaluate(async () => {
    const all = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs;
    // Per connection (by its place in the page's list), so one replaced mid-window is not counted as negative.
    const bytesSent: Record<number, number> = {};
    let encoders = 0;
    let cpuLimited = 0;
    for (const [index, pc] of all.entries()) {
      if (pc.connectionState === 'closed') continue;
      bytesSent[index] = 0;
      (await pc.getStats()).forEach((r: Record<string, unknown>) => {
        if (r['type'] !== 'outbound-rtp') return;
        bytesSent[index]! += Number(r['bytesSent'] ?? 0);
        if (r['kind'] !== 'video' || r['active'] === false) return;
        encoders += 1;
        if (r['qualityLimitationReason'] === 'cpu') cpuLimited += 1;
      });
    }
    const shown: Record<string, number> = {};
    for (const tile of document.querySelectorAll<HTMLElement>('figure.tile[data-peer-id]')) {
      const video = tile.querySelector('video');
      const rect = tile.getBoundingClientRect();
      const grid = tile.closest('.grid')!.getBoundingClientRect();
      const onScreen = rect.bottom > grid.top && rect.top < grid.bottom && rect.height > 0;
      if (video && onScreen) shown[tile.dataset['peerId']!] = video.getVideoPlaybackQuality().totalVideoFrames;
    }
    return { bytesSent, encoders, cpuLimited, shown };
  });
}

async function measure(browser: Browser, server: { url: string }, size: number, layout: 'grid' | 'speaker', mode: Mode, round: number) {
  const pages: Page[] = [];
  for (let i = 0; i < size; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`  [P${i}] page error: ${error.message}`));
    await page.addInitScript(recordPeerConnections);
    if (mode === 'uniform') await page.addInitScript(dropViewRequests);
    await page.goto(`${server.url}/?room=mesh-${size}-${layout}-${mode}-${round}`);
    await page.getByLabel('Display name').fill(`P${i}`);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('button', { name: 'Leave' }).waitFor();
    pages.push(page);
  }
  if (layout === 'speaker') {
    for (const page of pages) {
      await page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'More' }).click({ timeout: 60_000 });
      await page.getByRole('menu', { name: 'More' }).getByRole('menuitemcheckbox', { name: 'Speaker view' }).click({ timeout: 60_000 });
    }
  }
  await pages[0]!.waitForTimeout(8000); // bandwidth estimation ramps up, encoders settle
  const before = await Promise.all(pages.map(sample));
  const cpuBefore = descendantCpuSeconds();
  const started = performance.now();
  await pages[0]!.waitForTimeout(SECONDS * 1000);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = (descendantCpuSeconds() - cpuBefore) / elapsed;
  const after = await Promise.all(pages.map(sample));
  // Connections present at both ends of the window only; count the ones that came or went.
  let replaced = 0;
  const uplinks = after.map((a, i) => {
    let bytes = 0;
    for (const [index, sent] of Object.entries(a.bytesSent)) {
      const earlier = before[i]!.bytesSent[Number(index)];
      if (earlier === undefined) replaced += 1;
      else bytes += sent - earlier;
    }
    return (bytes * 8) / elapsed / 1000;
  });
  let shownVideos = 0;
  let decoding = 0;
  after.forEach((a, i) => {
    for (const [peer, frames] of Object.entries(a.shown)) {
      shownVideos += 1;
      if (frames > (before[i]!.shown[peer] ?? Infinity)) decoding += 1;
    }
  });
  await Promise.all(pages.map((page) => page.context().close()));
  const encoders = after.reduce((sum, a) => sum + a.encoders, 0);
  const cpuLimited = after.reduce((sum, a) => sum + a.cpuLimited, 0);
  return { uplink: uplinks.reduce((x, y) => x + y, 0) / uplinks.length, maxUplink: Math.max(...uplinks), cpu, shownVideos, decoding, encoders, cpuLimited, replaced };
}

const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../out/renderer') });
console.log(`Mesh benchmark: 640x480 at 15 fps fake cameras, 1280x800 windows, ${SECONDS} s windows, loopback, ${ROUNDS} round(s)\n`);
console.log('size  layout   mode      uplink/participant (mean, max)   browser CPU (cores)   shown videos decoding   video encoders (CPU-limited)');
const results = new Map<string, { uplink: number[]; cpu: number[] }>();
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const size of SIZES) {
      for (const layout of LAYOUTS) {
        // Alternate which goes first, so neither always runs on a warmer machine.
        const modes: Mode[] = (round + SIZES.indexOf(size)) % 2 === 0 ? ['views', 'uniform'] : ['uniform', 'views'];
        for (const mode of modes) {
          const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
          try {
            const r = await measure(browser, server, size, layout, mode, round).catch((error: unknown) => {
              console.log(`${String(size).padStart(4)}  ${layout.padEnd(7)}  ${mode.padEnd(8)}  could not be measured: ${String(error).split('\n')[0]}`);
              return null;
            });
            if (!r) continue;
            const key = `${size} ${layout} ${mode}`;
            const kept = results.get(key) ?? { uplink: [], cpu: [] };
            kept.uplink.push(r.uplink);
            kept.cpu.push(r.cpu);
            results.set(key, kept);
            console.log(
              `${String(size).padStart(4)}  ${layout.padEnd(7)}  ${mode.padEnd(8)}  ${`${r.uplink.toFixed(0)} kbit/s, ${r.maxUplink.toFixed(0)} kbit/s`.padStart(31)}   ${r.cpu.toFixed(2).padStart(19)}   ${`${r.decoding}/${r.shownVideos}`.padStart(21)}   ${`${r.encoders} (${r.cpuLimited})`.padStart(28)}${r.replaced ? `   ${r.replaced} connection(s) replaced` : ''}`,
            );
          } finally {
            await browser.close();
          }
        }
      }
    }
  }
  console.log('\nviews against uniform (medians over rounds): less uplink, less browser CPU');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const size of SIZES) {
    for (const layout of LAYOUTS) {
      const views = results.get(`${size} ${layout} views`);
      const uniform = results.get(`${size} ${layout} uniform`);
      if (!views || !uniform) continue;
      const less = (a: number, b: number) => `${((1 - a / b) * 100).toFixed(0)}%`;
      console.log(`${String(size).padStart(4)}  ${layout.padEnd(7)}  uplink ${less(median(views.uplink), median(uniform.uplink)).padStart(4)}   CPU ${less(median(views.cpu), median(uniform.cpu)).padStart(4)}`);
    }
  }
} finally {
  await server.close();
}
