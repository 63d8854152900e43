import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { HostService } from './hosting';
import { stopHostingOnQuit } from './lifecycle';

vi.mock('electron', () => ({}));

class FakeApp extends EventEmitter {
  quit = vi.fn(() => {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('before-quit', event);
    return event.defaultPrevented;
  });
}

describe('quitting the app', () => {
  it('stops the hosted server before exiting, then quits for real', async () => {
    const app = new FakeApp();
    const hosting = new HostService({ host: '127.0.0.1', defaultPort: 0 });
    const started = await hosting.start({ room: 'team' });
    const url = started.ok ? started.data.localUrl : '';
    stopHostingOnQuit(app as never, hosting);

    const deferred = app.quit();
    expect(deferred).toBe(true); // the first quit waits for the server
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2));
    expect(hosting.status().running).toBe(false);
    await expect(fetch(`${url}/parley.json`)).rejects.toThrow();
  });

  it('does not delay quitting when nothing is hosted, and quits when the last window closes', () => {
    const app = new FakeApp();
    stopHostingOnQuit(app as never, new HostService());
    expect(app.quit()).toBe(false);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(2);
  });
});
