/**
 * One measured round of a call of real Parley pages, shared by bench:mesh and bench:sfu: `size`
 * pages join one room (in grid or speaker view), encoders settle for 8 s, then for `seconds`:
 * uplink per participant (all outbound RTP), the browser's CPU (its whole process tree, in
 * cores), and how many of the videos shown on screen decode (frames advancing in the tiles not
 * scrolled away).
 */
import type { Browser, Page } from '@playwright/test';
import { recordPeerConnections } from './pagePeerConnections';
import { descendantCpuSeconds, treeCpuSeconds } from './processCpu';

export type Layout = 'grid' | 'speaker';

export interface RoundResult {
  uplink: number;
  maxUplink: number;
  cpu: number;
  shownVideos: number;
  decoding: number;
  encoders: number;
  cpuLimited: number;
  replaced: number;
  /** The CPU of the process kept apart (Janus), over the same window, in cores. */
  apartCpu: number;
}

export interface RoundOptions {
  /** Runs in each page before Parley loads (bench:mesh's uniform baseline drops the view requests). */
  prepare?: () => void;
  /** A child process of ours (Janus) whose CPU is not the browser's: counted apart. */
  apartPid?: number;
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

export async function measureRound(browser: Browser, serverUrl: string, room: string, size: number, layout: Layout, seconds: number, { prepare, apartPid }: RoundOptions = {}): Promise<RoundResult> {
  const pages: Page[] = [];
  for (let i = 0; i < size; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`  [P${i}] page error: ${error.message}`));
    await page.addInitScript(recordPeerConnections);
    if (prepare) await page.addInitScript(prepare);
    await page.goto(`${serverUrl}/?room=${encodeURIComponent(room)}`);
    await page.getByLabel('Display name').fill(`P${i}`);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('button', { name: 'Leave' }).waitFor({ timeout: 90_000 }); // nine pages on two cores join slowly
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
  const apartBefore = apartPid === undefined ? 0 : treeCpuSeconds(apartPid);
  const cpuBefore = descendantCpuSeconds();
  const started = performance.now();
  await pages[0]!.waitForTimeout(seconds * 1000);
  const elapsed = (performance.now() - started) / 1000;
  const apartCpu = apartPid === undefined ? 0 : (treeCpuSeconds(apartPid) - apartBefore) / elapsed;
  const cpu = (descendantCpuSeconds() - cpuBefore) / elapsed - apartCpu;
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
  return { uplink: uplinks.reduce((x, y) => x + y, 0) / uplinks.length, maxUplink: Math.max(...uplinks), cpu, shownVideos, decoding, encoders, cpuLimited, replaced, apartCpu };
}
