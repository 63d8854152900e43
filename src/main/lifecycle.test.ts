import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_CALL, IPC_COMMAND_EVENT } from '../shared/ipc';
import { CallPresence } from './callPresence';
import { createCommandSender } from './desktopCommands';
import { HostService } from './hosting';
import { endCallAndHostingOnQuit } from './lifecycle';
import { standIn } from './testing/electron';

// The stand-in's app runs Electron's quit path: 'before-quit' (which may defer it), windows
// closed, 'will-quit', 'quit'; `launch.exitCode` is set once the app has really exited.
const { app, launch } = standIn;
afterEach(() => {
  vi.useRealTimers();
  launch.exitCode = null;
  launch.quitting = false;
  app.removeAllListeners();
});

describe('quitting the app', () => {
  it('stops the hosted server before exiting, then quits for real', async () => {
    const hosting = new HostService({ host: '127.0.0.1', defaultPort: 0 });
    const started = await hosting.start({ room: 'team' });
    const url = started.ok ? started.data.localUrl : '';
    endCallAndHostingOnQuit(app as never, hosting);

    app.quit();
    expect(launch.exitCode).toBeNull(); // the first quit waits for the server
    await vi.waitFor(() => expect(launch.exitCode).toBe(0));
    expect(hosting.status().running).toBe(false);
    await expect(fetch(`${url}/parley.json`)).rejects.toThrow();
  });

  it('quits anyway when the server does not stop in time', async () => {
    vi.useFakeTimers();
    const hosting = { status: () => ({ running: true }), stop: () => new Promise<never>(() => undefined) };
    const warn = vi.fn();
    endCallAndHostingOnQuit(app as never, hosting as never, { stopTimeoutMs: 3000, log: { warn } });
    app.quit();
    await vi.advanceTimersByTimeAsync(2999);
    expect(launch.exitCode).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(launch.exitCode).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('did not stop in time'), { stopTimeoutMs: 3000 });
  });

  it('quits when stopping the server fails, and says why in the log', async () => {
    const hosting = { status: () => ({ running: true }), stop: async () => Promise.reject(new Error('EPERM')) };
    const warn = vi.fn();
    endCallAndHostingOnQuit(app as never, hosting as never, { log: { warn } });
    app.quit();
    await vi.waitFor(() => expect(launch.exitCode).toBe(0));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('failed'), { error: 'Error: EPERM' });
  });

  it('does not delay quitting when nothing is hosted, and quits when the last window closes', async () => {
    endCallAndHostingOnQuit(app as never, new HostService());
    await app.finishLaunching();
    const window = new standIn.Window();
    window.close();
    expect(launch.exitCode).toBe(0);
  });

  it('ends the call first: the page is asked to leave, and the app exits once it has', async () => {
    await app.finishLaunching();
    const window = new standIn.Window();
    const presence = new CallPresence({ powerSaveBlocker: standIn.powerSaveBlocker });
    presence.update({ inCall: true, room: 'team', microphoneOn: true, cameraOn: true, participants: 2, unread: 0 });
    endCallAndHostingOnQuit(app as never, { status: () => ({ running: false }), stop: async () => undefined } as never, { call: presence, send: createCommandSender(() => window as never) });
    app.quit();
    expect(window.webContents.sent).toEqual([{ channel: IPC_COMMAND_EVENT, args: ['leave'] }]);
    expect(launch.exitCode).toBeNull();
    presence.update(IDLE_CALL); // the page left and says so
    await vi.waitFor(() => expect(launch.exitCode).toBe(0));
  });

  it('quits anyway when the page does not leave in time', async () => {
    vi.useFakeTimers();
    const window = new standIn.Window();
    const presence = new CallPresence({ powerSaveBlocker: standIn.powerSaveBlocker });
    presence.update({ inCall: true, room: 'team', microphoneOn: true, cameraOn: true, participants: 2, unread: 0 });
    const warn = vi.fn();
    endCallAndHostingOnQuit(app as never, { status: () => ({ running: false }), stop: async () => undefined } as never, { call: presence, send: createCommandSender(() => window as never), leaveTimeoutMs: 2000, log: { warn } });
    app.quit();
    await vi.advanceTimersByTimeAsync(2000);
    expect(launch.exitCode).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('did not leave its call'), { leaveTimeoutMs: 2000 });
  });
});
