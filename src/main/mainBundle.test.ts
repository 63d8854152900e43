/**
 * The built main process (out/main/index.js, what the packaged app runs) walked through its whole
 * life under the Electron stand-in, which keeps Electron 45's contracts (src/main/testing/electron):
 * launched with an invite link on its command line, a macOS link before `ready`, the window, every
 * permission the renderer's features ask for, the screen picker chosen, cancelled and timed out,
 * hosting started through IPC (the real server answers on its port) and stopped (the port is free),
 * a crash of the window's page, a second instance with a link, and a quit while hosting.
 *
 * Needs `npm run build` first (npm test builds before it runs the unit tests). It hosts for real and
 * announces the room over mDNS: run it inside the private network namespace (npm run test:unit).
 */
import { existsSync } from 'node:fs';
import { request } from 'node:https';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';
import { IDLE_CALL, IPC_CHANNELS, IPC_COMMAND_EVENT, IPC_EVENTS, type HostingStatus, type IpcResult } from '../shared/ipc';
import { standIn } from './testing/electron';
import { RENDERER_PERMISSIONS } from './testing/electron/permissions';

const bundle = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));
const fp = 'ab'.repeat(32);
const link = (room: string) => `parley://join?host=10.0.0.2&port=47100&room=${room}&fp=${fp}`;

/** GET over the host's own TLS (a self-made certificate, pinned by the app, not by Node). */
const fetchJson = (url: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    // A fresh connection each time (no keep-alive pool): a socket kept from a server that has since stopped would hang up.
    request(url, { rejectUnauthorized: false, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

const sent = (channel: string) => standIn.mainWindow().webContents.sent.filter((message) => message.channel === channel).length;
const invoke = <T>(channel: string, ...args: unknown[]) => standIn.ipcMain.invoke(standIn.mainWindow().webContents, channel, args) as Promise<T>;
const argv = process.argv;
const defaults = { language: 'system', theme: 'system', closeEndsCall: false, globalMuteShortcut: 'CommandOrControl+Shift+M', pushToTalkKey: null };
const inCall = { inCall: true, room: 'team', microphoneOn: true, cameraOn: true, participants: 2, unread: 0 };
const commands = () => standIn.mainWindow().webContents.sent.filter((message) => message.channel === IPC_COMMAND_EVENT).map((message) => message.args[0]);

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  // Launched from an invite link: the system passes it on the command line.
  process.argv = [process.execPath, link('from-argv')];
  await import(/* @vite-ignore */ bundle);
  process.argv = argv;
});

afterAll(async () => {
  // Whatever happened above, no server stays behind.
  if (standIn.launch.exitCode === null) standIn.app.exit(0);
});

describe('the built main process, from launch to quit', () => {
  it('takes a macOS link delivered before ready without making a window too early', () => {
    expect(standIn.app.isReady()).toBe(false);
    const event = standIn.event();
    expect(() => standIn.app.emit('open-url', event, link('before-ready'))).not.toThrow();
    expect(event.defaultPrevented).toBe(true);
    expect(standIn.windows()).toHaveLength(0);
    expect(standIn.app.sandboxEnabled).toBe(true);
  });

  it('at ready shows one locked-down window with the packaged page, and replaces the default menu', async () => {
    await standIn.app.finishLaunching();
    await vi.waitFor(() => expect(standIn.windows()).toHaveLength(1));
    const window = standIn.mainWindow();
    expect(window.loaded).toEqual([expect.stringMatching(/^file:\/\/.*\/out\/renderer\/index\.html$/)]);
    await vi.waitFor(() => expect(window.isVisible()).toBe(true));
    expect(window.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(standIn.Menu.getApplicationMenu()!.roles()).not.toEqual(expect.arrayContaining(['reload']));
    expect(standIn.Menu.getApplicationMenu()!.roles()).not.toContain('toggledevtools');
    expect(standIn.session.receiveHeaders(window.webContents.getURL())).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('hands the page the latest invite link it was opened with, once', async () => {
    expect(await invoke(IPC_CHANNELS.invitesTake)).toEqual({ ok: true, data: link('before-ready') });
    expect(await invoke(IPC_CHANNELS.invitesTake)).toEqual({ ok: true, data: null });
  });

  it.each(RENDERER_PERMISSIONS.map((entry) => [entry.feature, entry] as const))('grants %s to the app\'s own page and to no other', async (_feature, { permission, mediaTypes }) => {
    const page = standIn.mainWindow().webContents;
    const foreign = standIn.foreignContents('https://evil.example/');
    const options = mediaTypes ? { mediaTypes } : {};
    expect(await standIn.session.requestPermission(page, permission, options)).toBe(true);
    expect(standIn.session.checkPermission(page, permission)).toBe(true);
    expect(await standIn.session.requestPermission(foreign, permission, options)).toBe(false);
    expect(standIn.session.checkPermission(foreign, permission)).toBe(false);
  });

  it('lets the page choose a screen in Parley\'s picker, cancel it, or leave it to time out', async () => {
    standIn.capturer.sources = [standIn.capturerSource('screen:0:0', 'Entire screen'), standIn.capturerSource('window:7:0', 'Notes')];
    const appUrl = standIn.mainWindow().webContents.getURL();
    // Resolves once the page was nudged, with the pending answer (wrapped: awaiting it is the
    // caller's business). Waits with setImmediate, which the fake timers below leave alone.
    const ask = async (): Promise<{ answer: Promise<unknown> }> => {
      const before = sent(IPC_EVENTS.screenPickRequested);
      const answer = standIn.session.requestDisplayMedia({ frameUrl: appUrl });
      for (let turn = 0; turn < 100 && sent(IPC_EVENTS.screenPickRequested) === before; turn++) await new Promise((resolve) => setImmediate(resolve));
      expect(sent(IPC_EVENTS.screenPickRequested)).toBe(before + 1);
      return { answer };
    };

    const chosen = await ask();
    const listed = await invoke<IpcResult<{ id: string }[]>>(IPC_CHANNELS.screenSources);
    expect(listed.ok && listed.data.map(({ id }) => id)).toEqual(['screen:0:0', 'window:7:0']);
    expect(await invoke(IPC_CHANNELS.screenChoose, 'window:7:0')).toEqual({ ok: true, data: { shared: true } });
    expect(await chosen.answer).toMatchObject({ denied: false, video: { id: 'window:7:0' } });

    const cancelled = await ask();
    expect(await invoke(IPC_CHANNELS.screenChoose, null)).toEqual({ ok: true, data: { shared: false } });
    expect(await cancelled.answer).toEqual({ denied: true });

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const unanswered = await ask();
      vi.advanceTimersByTime(60_000);
      expect(await unanswered.answer).toEqual({ denied: true });
    } finally {
      vi.useRealTimers();
    }
    expect(await standIn.session.requestDisplayMedia({ frameUrl: 'https://evil.example/' })).toEqual({ denied: true });
  });

  let port = 0;
  it('hosts through IPC: the real server answers on its port, and after stopping the port is free', async () => {
    const started = await invoke<IpcResult<HostingStatus>>(IPC_CHANNELS.hostingStart, { room: 'team' });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.data).toMatchObject({ running: true, room: 'team', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    port = started.data.port!;
    const answer = await fetchJson(`${started.data.localUrl}/parley.json`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ app: 'parley', passcodeRequired: false });
    // It serves the renderer too, for browsers.
    expect((await fetchJson(`${started.data.localUrl}/`)).body).toContain('<div id="root">');

    expect(await invoke(IPC_CHANNELS.hostingStop)).toMatchObject({ ok: true, data: { running: false } });
    expect(await portIsFree(port)).toBe(true);
  });

  it('follows the language and appearance chosen in the page: the menu in 简体中文, the window dark', async () => {
    expect(standIn.Menu.getApplicationMenu()!.find('Edit')).toBeDefined();
    expect(await invoke(IPC_CHANNELS.appPreferences, { ...defaults, language: 'zh-CN', theme: 'dark' })).toEqual({ ok: true, data: null });
    expect(standIn.Menu.getApplicationMenu()!.find('编辑')).toMatchObject({ role: 'editmenu' });
    expect(standIn.tray().menu!.find('退出 Parley')).toBeDefined(); // the tray speaks it too
    expect(standIn.nativeTheme.themeSource).toBe('dark');
    await invoke(IPC_CHANNELS.appPreferences, defaults);
    expect(standIn.Menu.getApplicationMenu()!.find('Edit')).toBeDefined();
  });

  it('refuses IPC from any frame but the app\'s own page', async () => {
    const foreign = await standIn.ipcMain.invoke(standIn.mainWindow().webContents, IPC_CHANNELS.hostingStart, [{ room: 'x' }], 'https://evil.example/');
    expect(foreign).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('keeps the display awake while the page reports a call, and no longer once the page crashed; loads the page again', async () => {
    const state = inCall;
    expect(await invoke(IPC_CHANNELS.callState, state)).toEqual({ ok: true, data: null });
    expect([...standIn.powerSaveBlocker.active.values()]).toEqual(['prevent-display-sleep']);
    expect(await invoke(IPC_CHANNELS.callState, { ...state, participants: 'many' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const contents = standIn.mainWindow().webContents;
    const reloads = vi.fn();
    contents.on('did-start-loading', reloads);
    contents.crash('crashed');
    expect(reloads).toHaveBeenCalledTimes(1);
    expect([...standIn.powerSaveBlocker.active.values()]).toEqual([]);
  });

  it('shows the window and takes the link when a second instance is started with one', async () => {
    const window = standIn.mainWindow();
    window.minimize();
    const nudges = sent(IPC_EVENTS.inviteReceived);
    standIn.app.emit('second-instance', standIn.event(), ['/opt/Parley/parley', link('second')], '/home/ada');
    expect(window.isVisible()).toBe(true);
    expect(sent(IPC_EVENTS.inviteReceived)).toBe(nudges + 1);
    expect(await invoke(IPC_CHANNELS.invitesTake)).toEqual({ ok: true, data: link('second') });
  });

  it('shows the call in the tray, whose items act on the page\'s call; the global mute shortcut is held during the call', async () => {
    await vi.waitFor(() => expect(standIn.mainWindow().webContents.getURL()).not.toBe(''));
    const tray = standIn.tray();
    expect(tray.menu!.labels()).toEqual(['Not in a call', 'Show Parley', 'Mute', 'Turn Camera Off', 'Leave Call', 'Stop Hosting', 'Quit Parley']);
    expect(standIn.globalShortcut.isRegistered('CommandOrControl+Shift+M')).toBe(false); // not outside a call

    await invoke(IPC_CHANNELS.callState, { ...inCall, participants: 3, unread: 2 });
    expect(tray.toolTip).toBe('Parley · In a call in team · 3 people');
    expect(standIn.app.getBadgeCount()).toBe(2);
    tray.choose('Mute');
    standIn.globalShortcut.press('CommandOrControl+Shift+M');
    expect(commands().slice(-2)).toEqual(['mute', 'toggle-mute']);
    await invoke(IPC_CHANNELS.callState, { ...inCall, participants: 3, microphoneOn: false });
    expect(tray.toolTip).toBe('Parley · In a call in team · 3 people · muted');
    expect(tray.menu!.find('Unmute')).toBeDefined();

    // Another program holds the chosen keys: the page can read that and say so in settings.
    standIn.globalShortcut.heldElsewhere.add('Alt+F9');
    await invoke(IPC_CHANNELS.appPreferences, { ...defaults, globalMuteShortcut: 'Alt+F9' });
    expect(await invoke(IPC_CHANNELS.shortcutStatus)).toEqual({ ok: true, data: { accelerator: 'Alt+F9', state: 'taken' } });
    expect(standIn.globalShortcut.isRegistered('CommandOrControl+Shift+M')).toBe(false);
    await invoke(IPC_CHANNELS.appPreferences, defaults);
    expect(standIn.globalShortcut.isRegistered('CommandOrControl+Shift+M')).toBe(true);
  });

  it('notifies while the window is not in front, and a click brings it back on the chat', async () => {
    const window = standIn.mainWindow();
    window.focus();
    expect(await invoke(IPC_CHANNELS.notify, { kind: 'message', title: 'Ada', body: 'Ready?' })).toEqual({ ok: true, data: { shown: false } });
    window.blur();
    expect(await invoke(IPC_CHANNELS.notify, { kind: 'message', title: 'Ada', body: 'Ready?' })).toEqual({ ok: true, data: { shown: true } });
    expect(window.flashing).toBe(true);
    window.minimize();
    standIn.notifications.shown.at(-1)!.click();
    expect(window.isVisible()).toBe(true);
    expect(commands().at(-1)).toBe('open-chat');
  });

  it('closing the window while hosting hides it: the room goes on, and the first time a notification says where Parley went', async () => {
    const started = await invoke<IpcResult<HostingStatus>>(IPC_CHANNELS.hostingStart, { room: 'team' });
    if (!started.ok) throw new Error(started.error.message);
    port = started.data.port!;
    const window = standIn.mainWindow();
    const before = standIn.notifications.shown.length;
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    expect(standIn.notifications.shown.slice(before).map((shown) => shown.options.title)).toEqual(['Parley is still running']);
    expect((await fetchJson(`${started.data.localUrl}/parley.json`)).status).toBe(200);
    expect(standIn.tray().toolTip).toMatch(/^Parley · Hosting team/);
    window.show();
    window.close(); // the second time, no notification
    expect(standIn.notifications.shown.length).toBe(before + 1);
    standIn.tray().choose('Show Parley');
    expect(window.isVisible()).toBe(true);
  });

  it('quits while hosting and in a call: the page leaves first, the server stops, then the app exits and the shortcut is let go', async () => {
    expect(port).toBeGreaterThan(0);
    await invoke(IPC_CHANNELS.callState, inCall);
    expect(await portIsFree(port)).toBe(false);
    standIn.mainWindow().close(); // to the tray: quitting from there must still work
    standIn.tray().choose('Quit Parley');
    expect(standIn.launch.exitCode).toBeNull(); // waiting for the page to leave
    expect(commands().at(-1)).toBe('leave');
    await invoke(IPC_CHANNELS.callState, IDLE_CALL); // the page left and says so
    await vi.waitFor(() => expect(standIn.launch.exitCode).toBe(0), { timeout: 5000 });
    expect(await portIsFree(port)).toBe(true);
    expect(standIn.windows()).toHaveLength(0);
    expect(standIn.globalShortcut.isRegistered('CommandOrControl+Shift+M')).toBe(false);
    expect(standIn.trays.every((tray) => tray.isDestroyed())).toBe(true);
  });
});
