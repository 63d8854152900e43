import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc';
import { HostService } from './hosting';
import { registerIpcHandlers } from './ipc';
import { createAppUrlMatcher } from './security';

vi.mock('electron', () => ({}));

const indexFile = '/app/out/renderer/index.html';
const APP_URL = `file://${indexFile}`;
type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Listener>();
  const hosting = new HostService({ host: '127.0.0.1', defaultPort: 0 });
  registerIpcHandlers({ handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) } as never, {
    isAppUrl: createAppUrlMatcher({ indexFile }),
    hosting,
  });
  const invoke = (channel: string, frame: { url: string; parent: unknown } | null, ...args: unknown[]) =>
    handlers.get(channel)!({ senderFrame: frame }, ...args);
  return { handlers, hosting, invoke };
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
  ])('rejects %s as an untrusted sender and does nothing', async (_label, frame) => {
    const { invoke, hosting } = setup();
    cleanup = hosting;
    const result = await invoke(IPC_CHANNELS.hostingStart, frame, { room: 'team' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(hosting.status().running).toBe(false);
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
});
