/**
 * npm run bench:sfu [-- --people 6 --layouts grid,speaker --seconds 8 --rounds 1]
 *
 * The same call two ways in one run, alternating which goes first: a full mesh (Parley's
 * default, each camera sent to each peer at the size it is shown) and SFU mode (each camera sent
 * once, in simulcast layers, to a real Janus the host drives, which forwards each receiver the
 * layer its tile needs). Real Parley pages in Chromium with the fake 640x480 camera, 1280x800
 * windows. Printed per round: uplink per participant, browser CPU (the whole process tree, in
 * cores; Janus runs beside it, and its CPU over the same window is printed apart), shown videos
 * decoding. A measurement, not a test.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { createSignalingServer } from '../signaling-server/src/index';
import { janusMissing, startJanus } from '../signaling-server/test/janusServer';
import { measureRound, type Layout, type RoundResult } from './callRound';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '6' },
    layouts: { type: 'string', default: 'grid,speaker' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '1' },
  },
});
const PEOPLE = Number(values.people);
const LAYOUTS = values.layouts.split(',') as Layout[];
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
type Mode = 'mesh' | 'sfu';

if (janusMissing) {
  console.error(`bench:sfu: ${janusMissing}`);
  process.exit(1);
}
const web = resolve(import.meta.dirname, '../out/renderer');
const janus = await startJanus();
const meshServer = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: web, capacity: 50 });
const sfuServer = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: web, capacity: 50, janus });
console.log(`SFU against mesh: ${PEOPLE} participants, 640x480 at 15 fps fake cameras, 1280x800 windows, ${SECONDS} s windows, loopback, ${ROUNDS} round(s)\n`);
console.log('layout   mode  uplink/participant (mean, max)   browser CPU (cores)   Janus CPU (cores)   shown videos decoding');
const results = new Map<string, { uplink: number[]; cpu: number[] }>();
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, layout] of LAYOUTS.entries()) {
      const modes: Mode[] = (round + index) % 2 === 0 ? ['sfu', 'mesh'] : ['mesh', 'sfu'];
      for (const mode of modes) {
        const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
        let result: RoundResult | null = null;
        try {
          const server = mode === 'sfu' ? sfuServer : meshServer;
          result = await measureRound(browser, server.url, `${mode}-${layout}-${round}`, PEOPLE, layout, SECONDS, { apartPid: janus.pid }).catch((error: unknown) => {
            console.log(`${layout.padEnd(7)}  ${mode.padEnd(4)}  could not be measured: ${String(error).split('\n')[0]}`);
            return null;
          });
        } finally {
          await browser.close();
        }
        if (!result) continue;
        const janusCpu = result.apartCpu;
        const key = `${layout} ${mode}`;
        const kept = results.get(key) ?? { uplink: [], cpu: [] };
        kept.uplink.push(result.uplink);
        kept.cpu.push(result.cpu);
        results.set(key, kept);
        console.log(
          `${layout.padEnd(7)}  ${mode.padEnd(4)}  ${`${result.uplink.toFixed(0)} kbit/s, ${result.maxUplink.toFixed(0)} kbit/s`.padStart(31)}   ${result.cpu.toFixed(2).padStart(19)}   ${(mode === 'sfu' ? janusCpu.toFixed(2) : '—').padStart(17)}   ${`${result.decoding}/${result.shownVideos}`.padStart(21)}`,
        );
      }
    }
  }
  console.log('\nSFU against mesh (medians over rounds): less uplink, less browser CPU');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const layout of LAYOUTS) {
    const sfu = results.get(`${layout} sfu`);
    const mesh = results.get(`${layout} mesh`);
    if (!sfu || !mesh) continue;
    const less = (a: number, b: number) => `${((1 - a / b) * 100).toFixed(0)}%`;
    console.log(`${layout.padEnd(7)}  uplink ${less(median(sfu.uplink), median(mesh.uplink)).padStart(4)}   CPU ${less(median(sfu.cpu), median(mesh.cpu)).padStart(4)}`);
  }
} finally {
  await sfuServer.close();
  await meshServer.close();
  await janus.stop();
}
