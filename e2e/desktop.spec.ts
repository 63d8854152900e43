/**
 * Living on the desktop, in real Chromium: the page gets a `window.parley` bound to main's real
 * desktop modules in this test process (CallPresence, CallTray, GlobalMuteShortcut, the quit and
 * close paths) over the Electron stand-in that keeps Electron 45's contracts; what reaches the
 * page, and what the others then see, is the real renderer and WebRTC.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CallPresence } from '../src/main/callPresence';
import { closeToTray } from '../src/main/closeToTray';
import { GlobalMuteShortcut } from '../src/main/globalMute';
import { HostService } from '../src/main/hosting';
import { createMainText } from '../src/main/i18n';
import { CallTray } from '../src/main/tray';
import { createTrayIcons } from '../src/main/trayIcons';
import { TrustService } from '../src/main/trust/trustService';
import { TrustStore } from '../src/main/trust/trustStore';
import { globalShortcut, Menu, nativeImage, standIn, Tray } from '../src/main/testing/electron';
import type { DesktopCommand, DesktopNotification } from '../src/shared/ipc';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { desktopBridge, sendCommand } from './desktopBridge';
import { expect, joinCall, openParticipant, RENDERER_DIR, test } from './fixtures';
import { expectMediaFlowing } from './media';
import { emulatePageFocus, setPageFocus } from './pageFocus';

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] } });
test.beforeAll(() => standIn.app.finishLaunching());

/** The HTTP status of a GET over the host's own TLS (its certificate is self-made; the app pins it). */
const statusOf = (url: string) =>
  new Promise<number>((resolve, reject) => {
    request(url, { rejectUnauthorized: false, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });

const muted = (page: Page, name: string) => page.getByRole('figure', { name, exact: true }).getByRole('img', { name: 'Microphone muted' });

/** Main's desktop modules for one page, wired as src/main/index.ts wires them. */
function desktopFor(pageRef: { page?: Page }, hosting?: HostService) {
  const presence = new CallPresence({ powerSaveBlocker: standIn.powerSaveBlocker });
  const send = (command: DesktopCommand): boolean => {
    if (!pageRef.page) return false;
    void sendCommand(pageRef.page, command);
    return true;
  };
  const tray = new CallTray({
    Tray: Tray as never,
    Menu: Menu as never,
    icon: createTrayIcons((buffer, options) => nativeImage.createFromBitmap(buffer, options) as never),
    text: () => createMainText(['en']),
    send,
    hosting: () => hosting?.status() ?? { running: false, room: null },
    showWindow: () => undefined,
    stopHosting: async () => hosting?.stop(),
    quit: () => undefined,
  });
  const globalMute = new GlobalMuteShortcut({ globalShortcut: globalShortcut as never, send, onStatus: () => undefined });
  presence.onChange((call) => {
    tray.show(call);
    globalMute.follow(call.inCall, 'CommandOrControl+Shift+M');
  });
  const notifications: DesktopNotification[] = [];
  return { presence, tray, globalMute, notifications };
}

test('the tray and the global shortcut mute for real; M, V and Space held work in the window, never while typing', async ({ browser, server, participants }) => {
  const ref: { page?: Page } = {};
  const desktop = desktopFor(ref);
  const folder = await mkdtemp(join(tmpdir(), 'parley-desktop-'));
  try {
    const ada = await openParticipant(browser, server, 'Ada', 'team', desktopBridge({ trust: new TrustService(new TrustStore(join(folder, 'trust.json'))), callPresence: desktop.presence }));
    ref.page = ada.page;
    const grace = await openParticipant(browser, server, 'Grace');
    participants.push(ada, grace);
    // The desktop app types the fixture server's (plain-HTTP) address and the room.
    await ada.page.getByLabel('Host address').fill(server.url);
    await ada.page.getByLabel('Room', { exact: true }).fill('team');
    await joinCall(ada);
    await joinCall(grace);
    await expectMediaFlowing(grace.page, 1);

    const tray = standIn.tray();
    await expect.poll(() => tray.toolTip).toBe('Parley · In a call in team · 2 people');
    tray.choose('Mute');
    await expect(muted(grace.page, 'Ada')).toBeVisible({ timeout: 1000 });
    await expect.poll(() => tray.menu!.labels()).toContain('Unmute');

    // System-wide: registered for the call, it toggles wherever the focus is.
    expect(globalShortcut.isRegistered('CommandOrControl+Shift+M')).toBe(true);
    standIn.globalShortcut.press('CommandOrControl+Shift+M');
    await expect(muted(grace.page, 'Ada')).toHaveCount(0, { timeout: 1000 });

    // In the window: M mutes, V turns the camera off and on.
    await ada.page.locator('body').click({ position: { x: 5, y: 5 } });
    await ada.page.keyboard.press('m');
    await expect(muted(grace.page, 'Ada')).toBeVisible({ timeout: 1000 });
    await ada.page.keyboard.press('v');
    await expect.poll(() => desktop.presence.current().cameraOn).toBe(false);
    await ada.page.keyboard.press('v');
    await expect.poll(() => desktop.presence.current().cameraOn).toBe(true);

    // Space held talks, released mutes again.
    await ada.page.keyboard.down(' ');
    await expect(muted(grace.page, 'Ada')).toHaveCount(0, { timeout: 1000 });
    await ada.page.keyboard.up(' ');
    await expect(muted(grace.page, 'Ada')).toBeVisible({ timeout: 1000 });

    // Typing in chat is typing: "m" and spaces go into the message, the microphone stays as it is.
    await ada.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Chat' }).click();
    const box = ada.page.getByRole('textbox', { name: 'Message' });
    await box.pressSequentially('mmm vvv');
    await expect(box).toHaveValue('mmm vvv');
    await ada.page.waitForTimeout(300);
    await expect(muted(grace.page, 'Ada')).toBeVisible();
    expect(desktop.presence.current()).toMatchObject({ microphoneOn: false, cameraOn: true });

    // "?" lists the shortcuts; the tooltips show the same keys.
    await ada.page.locator('body').click({ position: { x: 5, y: 5 } });
    await ada.page.keyboard.press('?');
    const help = ada.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Mute or unmute');
    await expect(help).toContainText('Ctrl+Shift+M');
    await ada.page.keyboard.press('Escape');
    await expect(ada.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Share screen' })).toHaveAttribute('aria-keyshortcuts', 'S');

    // Leave from the tray: Grace sees Ada go, and the shortcut goes back to the system.
    tray.choose('Leave Call');
    await expect(grace.page.getByRole('figure', { name: 'Ada', exact: true })).toHaveCount(0, { timeout: 2000 });
    await expect.poll(() => globalShortcut.isRegistered('CommandOrControl+Shift+M')).toBe(false);
  } finally {
    desktop.tray.destroy();
    await rm(folder, { recursive: true, force: true });
  }
});

/** Counts the Notification API's uses and the oscillators started (each of Parley's sounds is one). */
function countNotificationsAndSounds(): void {
  const counts = { notifications: [] as string[], sounds: 0 };
  (window as unknown as { __counts: typeof counts }).__counts = counts;
  const Real = window.Notification;
  window.Notification = new Proxy(Real, {
    construct(target, args: [string, NotificationOptions?]) {
      counts.notifications.push(args[0]);
      return Reflect.construct(target, args);
    },
  });
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
    counts.sounds += 1;
    return start.apply(this, args);
  };
}
const counts = (page: Page) => page.evaluate(() => (window as unknown as { __counts: { notifications: string[]; sounds: number } }).__counts);

test('in a browser: a notification only while the page is not in front, and sounds unless switched off', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada', 'team', async (context) => {
    await context.grantPermissions(['notifications']);
    await context.addInitScript(countNotificationsAndSounds);
    await emulatePageFocus(context);
  });
  const grace = await openParticipant(browser, server, 'Grace');
  participants.push(ada, grace);
  await joinCall(ada);
  await joinCall(grace);
  await expectMediaFlowing(ada.page, 1);
  await expect.poll(async () => (await counts(ada.page)).sounds).toBe(1); // Grace joined: one sound

  const say = async (text: string) => {
    await grace.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: /^Chat/ }).click();
    await grace.page.getByRole('textbox', { name: 'Message' }).fill(text);
    await grace.page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await grace.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: /^Chat/ }).click();
  };
  await say('in front');
  await expect.poll(async () => (await counts(ada.page)).sounds).toBe(2);
  expect((await counts(ada.page)).notifications).toEqual([]);

  await setPageFocus(ada.page, 'hidden');
  await say('while hidden');
  await expect.poll(async () => (await counts(ada.page)).notifications).toEqual(['Grace']);
  await setPageFocus(ada.page, 'behind');
  await say('while behind');
  await expect.poll(async () => (await counts(ada.page)).notifications).toEqual(['Grace', 'Grace']);
  await setPageFocus(ada.page, 'front');

  // The message sound switched off: messages are silent, joins are not.
  await ada.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'More' }).click();
  await ada.page.getByRole('menu', { name: 'More' }).getByRole('menuitemcheckbox', { name: 'Settings' }).click();
  await ada.page.getByRole('checkbox', { name: 'Sound for messages and files' }).uncheck();
  const before = (await counts(ada.page)).sounds;
  await say('silent');
  await expect(ada.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: /unread/ })).toBeVisible();
  expect((await counts(ada.page)).sounds).toBe(before);
  const linus = await openParticipant(browser, server, 'Linus');
  participants.push(linus);
  await joinCall(linus);
  await expect.poll(async () => (await counts(ada.page)).sounds).toBe(before + 1);
});

test('closing the window while hosting hides it: the room answers, the guest\'s media flows, and the mini window plays the active speaker', async ({ browser, server, participants }) => {
  const folder = await mkdtemp(join(tmpdir(), 'parley-desktop-'));
  const hosting = new HostService({ host: '127.0.0.1', defaultPort: 0, staticDir: RENDERER_DIR, allowedOrigins: [server.url], certificateDir: join(folder, 'certificate') });
  const ref: { page?: Page } = {};
  const desktop = desktopFor(ref, hosting);
  try {
    const host = await openParticipant(
      browser,
      server,
      'Hedy',
      'team',
      async (context) => {
        await desktopBridge({ hosting, trust: new TrustService(new TrustStore(join(folder, 'host-trust.json'))), callPresence: desktop.presence })(context);
        await emulatePageFocus(context);
      },
    );
    ref.page = host.page;
    participants.push(host);
    await host.page.getByLabel('Room', { exact: true }).fill('lab');
    await host.page.getByRole('button', { name: 'Host a room' }).click();
    const address = (await host.page.getByRole('region', { name: 'Invite others' }).locator('code').first().textContent())!;
    const guest = await openParticipant(browser, server, 'Alan', 'lab');
    participants.push(guest);
    await guest.page.getByLabel('Host address').fill(`https://${address}`);
    await guest.page.getByLabel('Room', { exact: true }).fill('lab');
    await joinCall(guest);
    await expectMediaFlowing(guest.page, 1);
    await expect.poll(() => standIn.tray().toolTip).toBe('Parley · Hosting lab · 2 people');

    // Main's window, closed by its user: closeToTray hides it (the page then reads as hidden).
    const window = new standIn.Window();
    window.on('hide', () => void setPageFocus(host.page, 'hidden'));
    const hidden: boolean[] = [];
    closeToTray(window as never, {
      app: standIn.app as never,
      keepRunning: () => desktop.presence.current().inCall || hosting.status().running,
      hint: { shown: () => hidden.length > 0, markShown: () => undefined },
      onHidden: (first) => hidden.push(first),
    });
    const popup = host.context.waitForEvent('page');
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(hidden).toEqual([true]);

    // The mini window opens by itself, with Alan's video playing (its frames advance).
    const mini = await popup;
    const video = mini.locator('video[data-mini-video]');
    await expect(video).toHaveCount(1);
    const frames = () => video.evaluate((element: HTMLVideoElement) => element.getVideoPlaybackQuality().totalVideoFrames);
    await expect.poll(frames).toBeGreaterThan(0);
    const first = await frames();
    await expect.poll(frames).toBeGreaterThan(first + 5);
    await expect(mini.getByText('Alan')).toBeVisible();

    // The room goes on behind the hidden window: its server answers, and media still flows to the guest.
    expect(await statusOf(`${hosting.status().localUrl}/parley.json`)).toBe(200);
    await expectMediaFlowing(guest.page, 1);

    // Mute from the mini window: Alan sees it.
    await mini.getByRole('button', { name: 'Mute' }).click();
    await expect(muted(guest.page, 'Hedy')).toBeVisible({ timeout: 1000 });

    // Back: the mini window goes.
    window.show();
    await setPageFocus(host.page, 'front');
    await expect.poll(() => mini.isClosed()).toBe(true);
  } finally {
    desktop.tray.destroy();
    await hosting.stop();
    await rm(folder, { recursive: true, force: true });
  }
});

