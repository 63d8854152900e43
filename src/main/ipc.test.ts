import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc';
import { HostService } from './hosting';
import { registerIpcHandlers } from './ipc';
import { InviteInbox } from './invites';
import { createMediaAccess } from './mediaAccess';
import { createAppUrlMatcher } from './security';
import { TrustService } from './trust/trustService';
import { TrustStore } from './trust/trustStore';


const indexFile = '/app/out/renderer/index.html';
const APP_URL = `file://${indexFile}`;
type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Listener>();
  const hosting = new HostService({ host: '127.0.0.1', defaultPort: 0 });
  const openExternal = vi.fn(async () => undefined);
  const saveFile = vi.fn(async () => ({ saved: true, path: '/home/ada/Downloads/x.png' }));
  const callPresence = { update: vi.fn() };
  const preferences = { apply: vi.fn() };
  const notifications = { show: vi.fn(() => true) };
  const globalMute = { status: () => ({ accelerator: 'CommandOrControl+Shift+M', state: 'taken' as const }) };
  registerIpcHandlers({ handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) } as never, {
    isAppUrl: createAppUrlMatcher({ indexFile }),
    hosting,
    mediaAccess: createMediaAccess({ platform: 'win32', systemPreferences: { getMediaAccessStatus: () => 'denied' }, openExternal }),
    invites: new InviteInbox(() => undefined),
    nearbyRooms: { list: () => [] },
    screenPicker: { sources: () => ({ ok: true, data: [] }), choose: () => ({ ok: true, data: { shared: false } }) },
    trust: new TrustService(new TrustStore('/nonexistent/trusted-hosts.json'), async () => ({ kind: 'unreachable', detail: 'test' })),
    callPresence,
    preferences,
    notifications,
    globalMute,
    showWindow: vi.fn(),
    pushToTalk: { status: () => ({ key: null, state: 'off' as const }) },
    saveFile,
  });
  const invoke = (channel: string, frame: { url: string; parent: unknown } | null, ...args: unknown[]) =>
    handlers.get(channel)!({ senderFrame: frame, sender: { id: 1 } }, ...args);
  return { handlers, hosting, invoke, openExternal, saveFile, callPresence, preferences, notifications };
}

const appFrame = { url: APP_URL, parent: null };
let cleanup: HostService | undefined;
afterEach(async () => {
  await cleanup?.stop();
});

describe('IPC handlers', () => {
  it('registers one handler per channel of the shared map', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it.each([
    ['another page', { url: 'https://evil.example/', parent: null }],
    ['a sub-frame of the app', { url: APP_URL, parent: {} }],
    ['a frame that is gone', null],
  ])('rejects %s as an untrusted sender on every channel and does nothing', async (_label, frame) => {
    const { invoke, hosting, openExternal, saveFile } = setup();
    cleanup = hosting;
    for (const channel of Object.values(IPC_CHANNELS)) {
      expect(await invoke(channel, frame, { room: 'team' })).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    }
    expect(hosting.status().running).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
    expect(saveFile).not.toHaveBeenCalled();
  });

  it.each([[undefined], ['team'], [{ room: '' }], [{ room: 'team', port: 80 }], [{ room: 'team', extra: 1 }]])(
    'rejects hosting.start(%j) with BAD_REQUEST',
    async (request) => {
      const { invoke } = setup();
      expect(await invoke(IPC_CHANNELS.hostingStart, appFrame, request)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    },
  );

  it('starts, reports and stops hosting for the app itself', async () => {
    const { invoke, hosting } = setup();
    cleanup = hosting;
    const started = (await invoke(IPC_CHANNELS.hostingStart, appFrame, { room: 'team' })) as { ok: true; data: { port: number } };
    expect(started).toMatchObject({ ok: true, data: { running: true, room: 'team' } });
    expect(await invoke(IPC_CHANNELS.hostingStatus, appFrame)).toEqual(started);
    expect(await invoke(IPC_CHANNELS.hostingStop, appFrame)).toMatchObject({ ok: true, data: { running: false } });
  });

  it('reports OS media access and opens only the fixed privacy-settings address', async () => {
    const { invoke, openExternal } = setup();
    expect(await invoke(IPC_CHANNELS.mediaAccessStatus, appFrame)).toEqual({ ok: true, data: { camera: 'denied', microphone: 'denied', screen: 'granted' } });
    expect(await invoke(IPC_CHANNELS.mediaAccessOpenSettings, appFrame, 'camera')).toEqual({ ok: true, data: { opened: true } });
    expect(openExternal).toHaveBeenCalledWith('ms-settings:privacy-webcam');
    expect(await invoke(IPC_CHANNELS.mediaAccessOpenSettings, appFrame, 'https://evil.example')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a path instead of a name', { suggestedName: '../../.bashrc.png', data: new Uint8Array(1) }],
    ['a Windows path', { suggestedName: 'C:\\Windows\\evil.dll', data: new Uint8Array(1) }],
    ['a name with control characters', { suggestedName: 'a\u0000.png', data: new Uint8Array(1) }],
    ['a hidden file', { suggestedName: '.png', data: new Uint8Array(1) }],
    ['data that is not bytes', { suggestedName: 'a.png', data: 'hello' }],
  ])('refuses to save %s', async (_label, request) => {
    const { invoke, saveFile } = setup();
    expect(await invoke(IPC_CHANNELS.filesSave, appFrame, request)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('saves a snapshot through the save function for the asking window', async () => {
    const { invoke, saveFile } = setup();
    const data = new Uint8Array([137, 80, 78, 71]);
    expect(await invoke(IPC_CHANNELS.filesSave, appFrame, { suggestedName: 'Parley Ada 2026-11-24 10.00.00.png', data })).toEqual({
      ok: true,
      data: { saved: true, path: '/home/ada/Downloads/x.png' },
    });
    expect(saveFile).toHaveBeenCalledWith({ id: 1 }, { suggestedName: 'Parley Ada 2026-11-24 10.00.00.png', data });
  });

  it('takes the page\'s call state, and refuses one that is malformed', async () => {
    const { invoke, callPresence } = setup();
    const state = { inCall: true, room: 'team', microphoneOn: true, cameraOn: false, participants: 3, unread: 2 };
    expect(await invoke(IPC_CHANNELS.callState, appFrame, state)).toEqual({ ok: true, data: null });
    expect(callPresence.update).toHaveBeenCalledWith(state);
    for (const bad of [undefined, { ...state, participants: -1 }, { ...state, room: 'a/b' }, { ...state, extra: 1 }, { ...state, inCall: 'yes' }]) {
      expect(await invoke(IPC_CHANNELS.callState, appFrame, bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(callPresence.update).toHaveBeenCalledTimes(1);
  });

  it('takes the language and appearance chosen in the page, and nothing else', async () => {
    const { invoke, preferences } = setup();
    const chosen = { language: 'zh-CN', theme: 'dark', closeEndsCall: false, globalMuteShortcut: 'Alt+F9', pushToTalkKey: 'F9' };
    expect(await invoke(IPC_CHANNELS.appPreferences, appFrame, chosen)).toEqual({ ok: true, data: null });
    expect(preferences.apply).toHaveBeenCalledWith(chosen);
    for (const bad of [
      { ...chosen, language: 'fr' },
      { ...chosen, theme: 'purple' },
      { ...chosen, extra: 1 },
      { ...chosen, closeEndsCall: 'yes' },
      // A global shortcut without a modifier would swallow that key in every program; one Electron cannot parse throws there.
      { ...chosen, globalMuteShortcut: 'M' },
      { ...chosen, globalMuteShortcut: 'Ctrl+Banana' },
      { ...chosen, pushToTalkKey: 'F9; rm' },
      'zh-CN',
    ]) {
      expect(await invoke(IPC_CHANNELS.appPreferences, appFrame, bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(preferences.apply).toHaveBeenCalledTimes(1);
  });

  it('shows notifications in the page\'s words, bounded, and reads the global shortcut\'s state', async () => {
    const { invoke, notifications } = setup();
    const message = { kind: 'message', title: 'Ada', body: 'Shall we start?' };
    expect(await invoke(IPC_CHANNELS.notify, appFrame, message)).toEqual({ ok: true, data: { shown: true } });
    expect(notifications.show).toHaveBeenCalledWith(message);
    for (const bad of [{ ...message, kind: 'alarm' }, { ...message, title: '' }, { ...message, body: 'x'.repeat(401) }, { ...message, icon: 'file:///etc/passwd' }]) {
      expect(await invoke(IPC_CHANNELS.notify, appFrame, bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(notifications.show).toHaveBeenCalledTimes(1);
    expect(await invoke(IPC_CHANNELS.shortcutStatus, appFrame)).toEqual({ ok: true, data: { accelerator: 'CommandOrControl+Shift+M', state: 'taken' } });
  });
});
