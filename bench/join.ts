/**
 * npm run bench:join [-- --runs 20]
 *
 * How long a joiner waits, in the real renderer in real Chromium: from the click on "Join" to the
 * first remote video frame presented (requestVideoFrameCallback), and from the joiner's first
 * setLocalDescription to its peer connection reaching "connected". One participant is already in
 * the room; the joiner's camera preview is already open, as it is on the home screen.
 * Prints every run and the median and p95. A measurement, not a test: it never fails on a figure.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createSignalingServer, type SignalingServer } from '../signaling-server/src/index';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { ms, summarize } from './stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const RUNS = Math.max(1, Number(values.runs));
const ROOM = 'bench';

interface JoinTimes {
  clickToFirstFrame: number;
  localDescriptionToConnected: number;
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
  return page;
}

async function measureOnce(browser: Browser, server: SignalingServer, run: number): Promise<JoinTimes> {
  const page = await openReady(browser, server, `Joiner ${run}`);
  try {
    await page.getByRole('button', { name: 'Join' }).click();
    const marks = await page.waitForFunction(
      () => {
        const m = (window as unknown as { __joinMarks: Record<string, number> }).__joinMarks;
        return m['firstFrame'] && m['connected'] ? m : null;
      },
      undefined,
      { timeout: 15_000 },
    );
    const m = (await marks.jsonValue()) as Record<string, number>;
    await page.getByRole('button', { name: 'Leave' }).click();
    return {
      clickToFirstFrame: m['firstFrame']! - m['click']!,
      localDescriptionToConnected: m['connected']! - m['setLocalDescription']!,
    };
  } finally {
    await page.context().close();
  }
}

async function main(): Promise<void> {
  const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../out/renderer') });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const anchor = await openReady(browser, server, 'Anchor');
    await anchor.getByRole('button', { name: 'Join' }).click();
    await anchor.getByRole('button', { name: 'Leave' }).waitFor();

    console.log(`Parley join benchmark: ${RUNS} runs, loopback, one peer already in the room, preview open\n`);
    console.log(' run  click→first remote frame  setLocalDescription→connected');
    const results: JoinTimes[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const times = await measureOnce(browser, server, run);
      results.push(times);
      console.log(`${String(run).padStart(4)}  ${ms(times.clickToFirstFrame).padStart(24)}  ${ms(times.localDescriptionToConnected).padStart(29)}`);
    }
    for (const [label, key] of [
      ['click → first remote frame', 'clickToFirstFrame'],
      ['setLocalDescription → connected', 'localDescriptionToConnected'],
    ] as const) {
      const s = summarize(results.map((r) => r[key]));
      console.log(`\n${label}: median ${ms(s.median)}, p95 ${ms(s.p95)}, min ${ms(s.min)}, max ${ms(s.max)} (n=${s.n})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
