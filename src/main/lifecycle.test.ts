import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostService } from './hosting';
import { stopHostingOnQuit } from './lifecycle';
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
    stopHostingOnQuit(app as never, hosting);

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
    stopHostingOnQuit(app as never, hosting as never, { stopTimeoutMs: 3000, log: { warn } });
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
    stopHostingOnQuit(app as never, hosting as never, { log: { warn } });
    app.quit();
    await vi.waitFor(() => expect(launch.exitCode).toBe(0));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('failed'), { error: 'Error: EPERM' });
  });

  it('does not delay quitting when nothing is hosted, and quits when the last window closes', async () => {
    stopHostingOnQuit(app as never, new HostService());
    await app.finishLaunching();
    const window = new standIn.Window();
    window.close();
    expect(launch.exitCode).toBe(0);
  });
});
