/**
 * Test fixtures: a real signaling server serving the built renderer, and participants that are
 * real Chromium pages joining through the UI, each in its own browser context.
 */
import { resolve } from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createSignalingServer, type SignalingServer } from '../signaling-server/src/index';
import { instrumentAudioGraph } from './audioGraph';
import { expectMediaFlowing } from './media';

export const RENDERER_DIR = resolve(import.meta.dirname, '../out/renderer');

/** Counts the WebSockets the page opens (connections to a host), in `window.__sockets`. */
export function countWebSockets(): void {
  const w = window as unknown as { __sockets: number };
  w.__sockets = 0;
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      w.__sockets++;
    }
  };
}

/**
 * Records every RTCPeerConnection the page creates, so tests can read real stats from them, and
 * counts descriptions applied (offers and answers), so tests can prove nothing was renegotiated.
 */
export function instrumentPeerConnections(): void {
  const Native = window.RTCPeerConnection;
  const all: RTCPeerConnection[] = [];
  const counts = { local: 0, remote: 0 };
  const w = window as unknown as { __parleyPeerConnections: RTCPeerConnection[]; __parleyDescriptions: typeof counts };
  w.__parleyPeerConnections = all;
  w.__parleyDescriptions = counts;
  for (const [method, key] of [['setLocalDescription', 'local'], ['setRemoteDescription', 'remote']] as const) {
    const native = Native.prototype[method] as (...args: unknown[]) => Promise<void>;
    (Native.prototype as unknown as Record<string, unknown>)[method] = function (this: RTCPeerConnection, ...args: unknown[]) {
      counts[key]++;
      return native.apply(this, args);
    };
  }
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      all.push(this);
    }
  };
}

export interface Participant {
  name: string;
  page: Page;
  context: BrowserContext;
}

/** How a participant's browser is set up: its language and appearance (English and light by default). */
export interface BrowserSetup {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** After the page's address, e.g. `#host-key=…` for a headless host's organiser link. */
  fragment?: string;
}

export async function openParticipant(
  browser: Browser,
  server: SignalingServer,
  name: string,
  room = 'team',
  prepare?: (context: BrowserContext) => Promise<void>,
  { locale = 'en-US', colorScheme = 'light', viewport = { width: 1100, height: 800 }, fragment = '' }: BrowserSetup = {},
): Promise<Participant> {
  // Tests find controls by their English names unless they test a language (the page follows the
  // browser's languages, which Playwright sets from `locale`).
  const context = await browser.newContext({ viewport, locale, colorScheme });
  await prepare?.(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error:`, error.stack ?? error));
  await page.addInitScript(instrumentPeerConnections);
  await page.addInitScript(instrumentAudioGraph);
  await page.goto(`${server.url}/?room=${encodeURIComponent(room)}${fragment}`);
  await page.getByLabel('Display name').fill(name);
  return { name, page, context };
}

/** Chooses an item of the call toolbar's More menu (Speaker view, Statistics, Settings, Record). */
export async function fromMoreMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'More' }).click();
  await page.getByRole('menu', { name: 'More' }).getByRole(/^(Record|Stop recording)$/.test(item) ? 'menuitem' : 'menuitemcheckbox', { name: item }).click();
}

export async function joinCall(participant: Participant): Promise<void> {
  await participant.page.getByRole('button', { name: 'Join' }).click();
  await expect(participant.page.getByRole('button', { name: 'Leave' })).toBeVisible();
}

/** Ada and Grace, both in the call and seeing and hearing each other: where most tests start. */
export async function openPair(browser: Browser, server: SignalingServer, participants: Participant[]): Promise<{ ada: Participant; grace: Participant }> {
  const ada = await openParticipant(browser, server, 'Ada');
  const grace = await openParticipant(browser, server, 'Grace');
  participants.push(ada, grace);
  await joinCall(ada);
  await joinCall(grace);
  await expectMediaFlowing(ada.page, 1);
  await expectMediaFlowing(grace.page, 1);
  return { ada, grace };
}

export const test = base.extend<{ server: SignalingServer; participants: Participant[] }>({
  server: async ({}, use) => {
    const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: RENDERER_DIR });
    await use(server);
    await server.close();
  },
  // Every participant a test opens is closed afterwards, whatever the outcome.
  participants: async ({}, use) => {
    const opened: Participant[] = [];
    await use(opened);
    // A word shown as its key (its catalog part not loaded in time, src/shared/i18n/pageWords.ts)
    // fails the test that saw it.
    const untranslated = await Promise.all(opened.flatMap((p) => p.context.pages().map(async (page) => (await page.consoleMessages()).map((message) => message.text()).filter((text) => text.startsWith('Parley: translation problem')).map((text) => `[${p.name}] ${text}`))));
    await Promise.all(opened.map((p) => p.context.close()));
    expect(untranslated.flat(), 'words shown before their catalog part had loaded').toEqual([]);
  },
});

export { expect };
