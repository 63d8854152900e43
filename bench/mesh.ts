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
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { createSignalingServer } from '../signaling-server/src/index';
import { measureRound, type Layout } from './callRound';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '4,6,8' },
    layouts: { type: 'string', default: 'grid,speaker' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '1' },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const LAYOUTS = values.layouts.split(',') as Layout[];
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
            const r = await measureRound(browser, server.url, `mesh-${size}-${layout}-${mode}-${round}`, size, layout, SECONDS, { prepare: mode === 'uniform' ? dropViewRequests : undefined }).catch((error: unknown) => {
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
