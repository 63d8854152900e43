import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, IPC_COMMAND_EVENT, type ParleyBridge } from '../shared/ipc';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, (...args: unknown[]) => void>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, data: null }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke, send: vi.fn(), on: (channel: string, listener: (...args: unknown[]) => void) => void listeners.set(channel, listener), removeListener: vi.fn() },
}));

await import('./index');

describe('the preload bridge', () => {
  const bridge = () => exposed.get('parley') as ParleyBridge;

  it('exposes only window.parley, made of named functions, never ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['parley']);
    const flat = JSON.stringify(bridge(), (_key, value) => (typeof value === 'function' ? 'fn' : value));
    expect(JSON.parse(flat)).toEqual({
      platform: process.platform,
      hosting: { start: 'fn', stop: 'fn', status: 'fn' },
      mediaAccess: { status: 'fn', request: 'fn', openSettings: 'fn' },
      files: { save: 'fn' },
      trust: { check: 'fn', accept: 'fn' },
      invites: { take: 'fn', onReceived: 'fn' },
      screenPicker: { sources: 'fn', choose: 'fn', onRequested: 'fn' },
      discovery: { list: 'fn', onChanged: 'fn' },
      call: { reportState: 'fn', onCommand: 'fn' },
      notifications: { show: 'fn' },
      shortcut: { status: 'fn', pushToTalk: 'fn', onChanged: 'fn' },
      window: { show: 'fn' },
      preferences: { report: 'fn' },
    });
    expect(Object.values(bridge())).not.toContain(invoke);
  });

  it('sends each function on its own channel of the shared IPC map', async () => {
    await bridge().hosting.start({ room: 'team' });
    await bridge().hosting.stop();
    await bridge().hosting.status();
    await bridge().mediaAccess.status();
    await bridge().mediaAccess.request('camera');
    await bridge().mediaAccess.openSettings('microphone');
    const data = new Uint8Array([1]);
    await bridge().files.save({ suggestedName: 'a.png', data });
    await bridge().trust.check({ url: 'https://10.0.0.2:47100' });
    await bridge().trust.accept({ url: 'https://10.0.0.2:47100', fingerprint: 'ab'.repeat(32) });
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.hostingStart, { room: 'team' }],
      [IPC_CHANNELS.hostingStop],
      [IPC_CHANNELS.hostingStatus],
      [IPC_CHANNELS.mediaAccessStatus],
      [IPC_CHANNELS.mediaAccessRequest, 'camera'],
      [IPC_CHANNELS.mediaAccessOpenSettings, 'microphone'],
      [IPC_CHANNELS.filesSave, { suggestedName: 'a.png', data }],
      [IPC_CHANNELS.trustCheck, { url: 'https://10.0.0.2:47100' }],
      [IPC_CHANNELS.trustAccept, { url: 'https://10.0.0.2:47100', fingerprint: 'ab'.repeat(32) }],
    ]);
  });

  it("passes main's commands to the page only when they are one of the fixed names, without Electron's event", () => {
    const seen: unknown[] = [];
    bridge().call.onCommand((command) => seen.push(command));
    const relay = listeners.get(IPC_COMMAND_EVENT)!;
    relay({ sender: 'main' }, 'mute');
    relay({ sender: 'main' }, 'rm -rf');
    relay({ sender: 'main' }, { toString: () => 'mute' });
    expect(seen).toEqual(['mute']);
  });
});
