/**
 * npm run bench:files [-- --runs 5 --mb 20]
 *
 * How fast a file goes from one participant to another, in real Chromium, in a call with camera
 * and microphone flowing both ways: from the receiver's click on Accept to its "Done, checked"
 * (the file read, chunked, sent over the peers' file channel, reassembled and its digest checked),
 * timed inside the pages so that Playwright's own round trips are not counted.
 *
 * The baseline, in the same run and between the same two pages (so with the same call going on
 * beside it): a bare RTCDataChannel of their own sending the same number of bytes from memory in
 * the same 16 KB chunks, as fast as back-pressure allows, with nothing read, hashed or shown. The
 * ratio says how much of the channel's speed the app delivers. Runs alternate between the two.
 * Prints every run, median and p95 of each, and the ratio. A measurement, not a test.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createSignalingServer } from '../signaling-server/src/index';
import { FILE_LIMITS } from '../src/shared/collaboration';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { summarize } from './stats';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, mb: { type: 'string', default: '20' } } });
const RUNS = Math.max(1, Number(values.runs));
const MEGABYTES = Math.max(1, Number(values.mb));
const BYTES = MEGABYTES * 1024 * 1024;
const TRANSFER_TIMEOUT_MS = 300_000;
/**
 * The bare channel's own settings, fixed so the baseline stays put when the app's change: the
 * app's message size, and a send queue deep enough never to run dry (measured: 4 MB / 1 MB gave
 * 7.3 MB/s on loopback here, 1 MB / 256 KB 5.0 MB/s).
 */
const BARE = { chunkBytes: FILE_LIMITS.chunkBytes, highWaterBytes: 4 * 1024 * 1024, lowWaterBytes: 1024 * 1024, blockBytes: 1024 * 1024 };

async function joinCall(browser: Browser, url: string, name: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error:`, error.message));
  await page.goto(`${url}/?room=bench-files`);
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('button', { name: 'Leave' }).waitFor();
  return page;
}

/** Seconds from Grace's Accept to her "Done, checked", for one file Ada sends her. */
async function parleyTransfer(ada: Page, grace: Page, path: string, run: number): Promise<number> {
  // The same bytes under this run's name, so each run's transfer has its own line in the panel.
  // Chosen by path: handing Playwright the bytes would copy them through the DevTools protocol.
  const name = `run-${run}.bin`;
  const renamed = join(dirname(path), name);
  copyFileSync(path, renamed);
  await ada.getByLabel('File to send').setInputFiles(renamed);
  await ada.getByLabel('To', { exact: true }).selectOption({ label: 'Grace' });
  await ada.getByRole('button', { name: 'Send file' }).click();
  const offered = grace.getByRole('listitem', { name: `${name} from Ada` });
  const accept = offered.getByRole('button', { name: 'Accept' });
  await accept.waitFor();
  // Timed in Grace's page, from the click's arrival to the moment the status says it is done, so
  // that Playwright's own work around the click (tens of milliseconds) is not counted as Parley's.
  const clock = await offered.evaluateHandle((item) => {
    const times = { clicked: 0, done: 0 };
    item.addEventListener('click', () => (times.clicked ||= performance.timeOrigin + performance.now()), { capture: true });
    new MutationObserver((_, observer) => {
      if (!item.querySelector('[role=status]')?.textContent?.includes('Done, checked')) return;
      times.done = performance.timeOrigin + performance.now();
      observer.disconnect();
    }).observe(item, { subtree: true, childList: true, characterData: true });
    return times;
  });
  await accept.click();
  await offered.getByRole('status').filter({ hasText: 'Done, checked' }).waitFor({ timeout: TRANSFER_TIMEOUT_MS });
  const { clicked, done } = await clock.jsonValue();
  rmSync(renamed);
  return (done - clicked) / 1000;
}

/** A bare data channel between the two pages, signalled through this script. */
async function openBareChannel(ada: Page, grace: Page): Promise<void> {
  const offer = await ada.evaluate(async () => {
    const pc = new RTCPeerConnection();
    const channel = pc.createDataChannel('bench-bare', { ordered: true });
    channel.binaryType = 'arraybuffer';
    Object.assign(window, { __bare: { pc, channel } });
    await pc.setLocalDescription();
    await new Promise<void>((done) => (pc.iceGatheringState === 'complete' ? done() : pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && done())));
    return pc.localDescription!.toJSON() as RTCSessionDescriptionInit;
  });
  const answer = await grace.evaluate(async (offer) => {
    const pc = new RTCPeerConnection();
    const bare = { pc, received: 0, expected: Infinity, doneAt: 0, channel: null as RTCDataChannel | null };
    Object.assign(window, { __bare: bare });
    pc.ondatachannel = ({ channel }) => {
      channel.binaryType = 'arraybuffer';
      bare.channel = channel;
      channel.onmessage = ({ data }) => {
        bare.received += (data as ArrayBuffer).byteLength;
        if (bare.received >= bare.expected && !bare.doneAt) bare.doneAt = performance.timeOrigin + performance.now();
      };
    };
    await pc.setRemoteDescription(offer);
    await pc.setLocalDescription();
    await new Promise<void>((done) => (pc.iceGatheringState === 'complete' ? done() : pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && done())));
    return pc.localDescription!.toJSON() as RTCSessionDescriptionInit;
  }, offer);
  await ada.evaluate(async (answer) => {
    const { pc, channel } = (window as unknown as { __bare: { pc: RTCPeerConnection; channel: RTCDataChannel } }).__bare;
    await pc.setRemoteDescription(answer);
    if (channel.readyState !== 'open') await new Promise((open) => channel.addEventListener('open', open, { once: true }));
  }, answer);
}

type BareReceiver = { __bare: { received: number; expected: number; doneAt: number } };

/**
 * Seconds for the bare channel to carry the same bytes: from the first send in Ada's page to the
 * last byte's arrival in Grace's (both pages read the same wall clock: one machine).
 */
async function bareTransfer(ada: Page, grace: Page): Promise<number> {
  await grace.evaluate((bytes) => Object.assign((window as unknown as BareReceiver).__bare, { received: 0, expected: bytes, doneAt: 0 }), BYTES);
  const startedAt = await ada.evaluate(
    async ({ bytes, limits }) => {
      const startedAt = performance.timeOrigin + performance.now();
      const { channel } = (window as unknown as { __bare: { channel: RTCDataChannel } }).__bare;
      channel.bufferedAmountLowThreshold = limits.lowWaterBytes;
      const block = new Uint8Array(limits.blockBytes);
      for (let sent = 0; sent < bytes; sent += limits.chunkBytes) {
        if (channel.bufferedAmount > limits.highWaterBytes) await new Promise((low) => channel.addEventListener('bufferedamountlow', low, { once: true }));
        const start = sent % limits.blockBytes;
        channel.send(block.subarray(start, start + Math.min(limits.chunkBytes, bytes - sent)));
      }
      return startedAt;
    },
    { bytes: BYTES, limits: BARE },
  );
  await grace.waitForFunction(() => (window as unknown as BareReceiver).__bare.doneAt > 0, undefined, { polling: 20, timeout: TRANSFER_TIMEOUT_MS });
  const doneAt = await grace.evaluate(() => (window as unknown as BareReceiver).__bare.doneAt);
  return (doneAt - startedAt) / 1000;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-files-'));
  const source = join(dir, 'source.bin');
  writeFileSync(source, randomBytes(BYTES));
  const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../out/renderer') });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const ada = await joinCall(browser, server.url, 'Ada');
    const grace = await joinCall(browser, server.url, 'Grace');
    // Both see each other before anything is measured: the call's media is the load beside the transfer.
    await ada.locator('figure[data-peer-id] video').first().waitFor();
    await grace.waitForFunction(() => (document.querySelector('figure[data-peer-id] video') as HTMLVideoElement | null)?.videoWidth);
    for (const page of [ada, grace]) await page.getByRole('button', { name: /^Chat and files/ }).click();
    await openBareChannel(ada, grace);

    console.log(`File benchmark: ${MEGABYTES} MB, ${RUNS} runs of each, alternating, loopback, two participants in a call\n`);
    console.log(' run   Parley (accept → checked)   bare data channel');
    const speeds: Record<'parley' | 'bare', number[]> = { parley: [], bare: [] };
    const mbps = (seconds: number): string => `${(MEGABYTES / seconds).toFixed(1).padStart(5)} MB/s (${seconds.toFixed(2)} s)`;
    // Run 0 warms up (both flows' first transfer ran at half speed or less: code not yet optimised,
    // the channels' congestion windows still small) and is printed but left out of the figures.
    for (let run = 0; run <= RUNS; run++) {
      const parley = await parleyTransfer(ada, grace, source, run);
      const bare = await bareTransfer(ada, grace);
      if (run > 0) {
        speeds.parley.push(MEGABYTES / parley);
        speeds.bare.push(MEGABYTES / bare);
      }
      console.log(`${run === 0 ? 'warm' : String(run).padStart(4)}   ${mbps(parley).padEnd(26)}  ${mbps(bare)}`);
    }
    const p = summarize(speeds.parley);
    const b = summarize(speeds.bare);
    const figure = (value: number): string => `${value.toFixed(1).padStart(5)} MB/s`;
    console.log(`\nthroughput (higher is better)`);
    console.log(`  Parley:            median ${figure(p.median)}, min ${figure(p.min)}, max ${figure(p.max)} (n=${p.n})`);
    console.log(`  bare data channel: median ${figure(b.median)}, min ${figure(b.min)}, max ${figure(b.max)} (n=${b.n})`);
    console.log(`  Parley / bare: ${(p.median / b.median).toFixed(2)} at the median`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
