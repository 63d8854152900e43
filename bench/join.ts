/**
 * npm run bench:join [-- --runs 20]
 *
 * How long a joiner waits, in real Chromium: from the click on "Join" to the first remote video
 * frame presented (requestVideoFrameCallback), from the click to its peer connection reaching
 * "connected", and from the joiner's first setLocalDescription to "connected" (counted from the
 * click when the description was set before it, as Parley's prepared offer is: time before the
 * click costs the user nothing). One participant is already in the room.
 *
 * Two flows in the same run, alternating: Parley's renderer (camera preview already open on the
 * home screen, the join prepared there — a standby connection with its offer, the connection to the
 * host — and the newcomer offering at once) and the naive baseline of bench/naiveClient.ts (camera
 * and socket opened after the click, the existing peer offers after a notification).
 * Prints every run, median and p95 for each, and the ratio, and the CPU each join costs the
 * machine (every browser process and the server). A measurement, not a test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { createSignalingServer, type SignalingServer } from '../signaling-server/src/index';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { descendantCpuSeconds } from './processCpu';
import { ms, summarize } from './stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const RUNS = Math.max(1, Number(values.runs));
const ROOM = 'bench';
/**
 * Between the page being ready and the click, as a person takes to look and reach for Join. Both
 * flows wait the same; Parley uses it to get the join ready (call/joinPreparation.ts), the
 * baseline does nothing before the click by design.
 */
const THINK_TIME_MS = 1000;

/**
 * The marks are taken by the page's own events; the benchmark only collects them. Polling every
 * 100 ms rather than on every animation frame (Playwright's default) keeps the collecting from
 * taking CPU from the join being measured.
 */
const MARKS_POLLING = { polling: 100, timeout: 15_000 };

interface JoinTimes {
  clickToFirstFrame: number;
  clickToConnected: number;
  localDescriptionToConnected: number;
  /** CPU time of every browser process and of this one (the server), from the click until the marks were read. */
  cpu: number;
  /** That CPU time over the same wall-clock time: how many of the machine's cores the join kept busy. */
  busyCores: number;
}

/** CPU time used so far by the browser's processes and by this one (server and driver), in ms. */
function cpuSoFar(): number {
  const own = process.cpuUsage();
  return descendantCpuSeconds() * 1000 + (own.user + own.system) / 1000;
}

/** Starts the CPU and wall clocks of one join; the result turns the page's marks into its figures. */
function startClocks(): (m: Record<string, number>) => JoinTimes {
  const cpuAtStart = cpuSoFar();
  const wallAtStart = performance.now();
  return (m) => {
    const cpu = cpuSoFar() - cpuAtStart;
    const click = m['click']!;
    return {
      clickToFirstFrame: m['firstFrame']! - click,
      clickToConnected: m['connected']! - click,
      localDescriptionToConnected: m['connected']! - Math.max(click, m['setLocalDescription']!),
      cpu,
      busyCores: cpu / (performance.now() - wallAtStart),
    };
  };
}

/** Runs in the page before the app: timestamps for the click, the first frame and the connection. */
function instrumentJoin(): void {
  const marks: Record<string, number> = {};
  (window as unknown as { __joinMarks: Record<string, number> }).__joinMarks = marks;
  document.addEventListener(
    'click',
    (event) => {
      if ((event.target as HTMLElement).closest('button')?.textContent === 'Join') marks['click'] ??= performance.now();
    },
    true,
  );
  const Native = window.RTCPeerConnection;
  const nativeSetLocalDescription = Native.prototype.setLocalDescription;
  Native.prototype.setLocalDescription = function (this: RTCPeerConnection, ...args: unknown[]) {
    marks['setLocalDescription'] ??= performance.now();
    return (nativeSetLocalDescription as (...a: unknown[]) => Promise<void>).apply(this, args);
  } as typeof nativeSetLocalDescription;
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected') marks['connected'] ??= performance.now();
      });
    }
  };
  new MutationObserver(() => {
    const video = document.querySelector<HTMLVideoElement>('figure[data-peer-id] video');
    if (!video || video.dataset['watched']) return;
    video.dataset['watched'] = '1';
    video.requestVideoFrameCallback(() => {
      marks['firstFrame'] ??= performance.now();
    });
  }).observe(document, { childList: true, subtree: true });
}

async function openReady(browser: Browser, server: SignalingServer, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(instrumentJoin);
  await page.goto(`${server.url}/?room=${ROOM}`);
  await page.getByLabel('Display name').fill(name);
  // The preview is open and playing before the clock starts.
  await page.waitForFunction(() => (document.querySelector('figure video') as HTMLVideoElement | null)?.videoWidth);
  await page.waitForTimeout(THINK_TIME_MS);
  return page;
}

async function measureOnce(browser: Browser, server: SignalingServer, run: number): Promise<JoinTimes> {
  const page = await openReady(browser, server, `Joiner ${run}`);
  try {
    const stopClocks = startClocks();
    await page.getByRole('button', { name: 'Join' }).click();
    const marks = await page.waitForFunction(
      () => {
        const m = (window as unknown as { __joinMarks: Record<string, number> }).__joinMarks;
        return m['firstFrame'] && m['connected'] ? m : null;
      },
      undefined,
      MARKS_POLLING,
    );
    const times = stopClocks((await marks.jsonValue()) as Record<string, number>);
    await page.getByRole('button', { name: 'Leave' }).click();
    return times;
  } finally {
    await page.context().close();
  }
}

/**
 * Builds the baseline client and serves it from its own Parley server (same server code, so only
 * the client flow differs): a real page at a real origin, as the app's own pages are.
 */
async function startNaiveServer(): Promise<SignalingServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-baseline-'));
  const result = await build({ entryPoints: [resolve(import.meta.dirname, 'naiveClient.ts')], bundle: true, write: false, format: 'iife' });
  writeFileSync(join(dir, 'naive.js'), result.outputFiles[0]!.text);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>baseline</title><script src="naive.js"></script>');
  return createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: dir });
}

async function openNaive(browser: Browser, server: SignalingServer): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('baseline page error:', error.message));
  await page.goto(`${server.url}/`);
  await page.waitForTimeout(THINK_TIME_MS);
  return page;
}

async function measureNaiveOnce(browser: Browser, server: SignalingServer, run: number): Promise<JoinTimes> {
  const page = await openNaive(browser, server);
  try {
    const stopClocks = startClocks();
    await page.evaluate(([room, name]) => void window.naiveJoin(room!, name!), [NAIVE_ROOM, `Naive ${run}`]);
    const marks = await page.waitForFunction(() => {
      const m = window.__naiveMarks;
      return m['firstFrame'] && m['connected'] ? m : null;
    }, undefined, MARKS_POLLING);
    const times = stopClocks((await marks.jsonValue()) as Record<string, number>);
    await page.evaluate(() => window.naiveLeave());
    return times;
  } finally {
    await page.context().close();
  }
}

const NAIVE_ROOM = 'bench-baseline';

async function main(): Promise<void> {
  const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../out/renderer') });
  const naiveServer = await startNaiveServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const anchor = await openReady(browser, server, 'Anchor');
    await anchor.getByRole('button', { name: 'Join' }).click();
    await anchor.getByRole('button', { name: 'Leave' }).waitFor();
    const naiveAnchor = await openNaive(browser, naiveServer);
    await naiveAnchor.evaluate((room) => window.naiveJoin(room, 'Naive anchor'), NAIVE_ROOM);

    console.log(`Join benchmark: ${RUNS} runs of each flow, alternating, loopback, one peer already in the room\n`);
    console.log(' run   Parley: click→frame  click→connected   baseline: click→frame  click→connected');
    const results: Record<'parley' | 'naive', JoinTimes[]> = { parley: [], naive: [] };
    const failures: Record<'parley' | 'naive', number> = { parley: 0, naive: 0 };
    // A run that never shows a frame (15 s) is counted as a failure and left out of the figures,
    // so one stalled fake camera does not end the whole benchmark.
    const attempt = async (flow: 'parley' | 'naive', measure: () => Promise<JoinTimes>): Promise<JoinTimes | undefined> => {
      try {
        const times = await measure();
        results[flow].push(times);
        return times;
      } catch (error) {
        failures[flow]++;
        console.error(`  ${flow} run failed: ${(error as Error).message.split('\n')[0]}`);
        return undefined;
      }
    };
    const cell = (value: number | undefined, width: number): string => (value === undefined ? 'failed' : ms(value)).padStart(width);
    for (let run = 1; run <= RUNS; run++) {
      const parley = await attempt('parley', () => measureOnce(browser, server, run));
      const naive = await attempt('naive', () => measureNaiveOnce(browser, naiveServer, run));
      console.log(
        `${String(run).padStart(4)}  ${cell(parley?.clickToFirstFrame, 19)}  ${cell(parley?.clickToConnected, 15)}   ${cell(naive?.clickToFirstFrame, 21)}  ${cell(naive?.clickToConnected, 15)}`,
      );
    }
    console.log(`\nfailed runs: Parley ${failures.parley}, baseline ${failures.naive}`);
    for (const [label, key] of [
      ['click → first remote frame', 'clickToFirstFrame'],
      ['click → connected', 'clickToConnected'],
      ['setLocalDescription (or the click, if later) → connected', 'localDescriptionToConnected'],
    ] as const) {
      const p = summarize(results.parley.map((r) => r[key]));
      const n = summarize(results.naive.map((r) => r[key]));
      console.log(`\n${label}`);
      console.log(`  Parley:   median ${ms(p.median)}, p95 ${ms(p.p95)}, min ${ms(p.min)}, max ${ms(p.max)} (n=${p.n})`);
      console.log(`  baseline: median ${ms(n.median)}, p95 ${ms(n.p95)}, min ${ms(n.min)}, max ${ms(n.max)} (n=${n.n})`);
      console.log(`  baseline / Parley: ${(n.median / p.median).toFixed(2)}x at the median, ${(n.p95 / p.p95).toFixed(2)}x at p95`);
    }
    // How much work each join is, all processes together: where the cores are all busy, the wall
    // time follows the work more than the length of the critical path.
    const cpu = (flow: 'parley' | 'naive'): string => {
      const work = summarize(results[flow].map((r) => r.cpu));
      const busy = summarize(results[flow].map((r) => r.busyCores));
      return `median ${ms(work.median)} of CPU, ${busy.median.toFixed(2)} cores busy`;
    };
    console.log(`\nCPU per join (every browser process and the server, from the click until the marks are read; ${cpus().length} cores)`);
    console.log(`  Parley:   ${cpu('parley')}`);
    console.log(`  baseline: ${cpu('naive')}`);
  } finally {
    await browser.close();
    await server.close();
    await naiveServer.close();
  }
}

await main();
