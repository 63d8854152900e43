import { describe, expect, it, vi } from 'vitest';
import { logChildProcessDeaths, recoverFromRendererCrashes } from './crashRecovery';
import { standIn } from './testing/electron';

await standIn.app.finishLaunching();

function crashingWindow() {
  const window = new standIn.Window();
  const log = { warn: vi.fn(), error: vi.fn() };
  const reload = vi.fn(() => window.webContents.reload());
  const giveUp = vi.fn();
  let now = 0;
  recoverFromRendererCrashes(window.webContents as never, { log, reload, giveUp, now: () => now });
  return { window, log, reload, giveUp, advance: (ms: number) => (now += ms) };
}

describe('a window whose page dies', () => {
  it('is logged and loaded again, so the window is never left dead', () => {
    const { window, log, reload, giveUp } = crashingWindow();
    window.webContents.crash('oom');
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('stopped'), { reason: 'oom', exitCode: expect.any(Number) });
    expect(reload).toHaveBeenCalledTimes(1);
    expect(giveUp).not.toHaveBeenCalled();
  });

  it('after three crashes within a minute asks the user instead of reloading in a loop', () => {
    const { window, reload, giveUp, advance } = crashingWindow();
    window.webContents.crash();
    advance(20_000);
    window.webContents.crash();
    advance(20_000);
    window.webContents.crash();
    expect(reload).toHaveBeenCalledTimes(2);
    expect(giveUp).toHaveBeenCalledTimes(1);
  });

  it('counts only the last minute: crashes far apart are each reloaded', () => {
    const { window, reload, giveUp, advance } = crashingWindow();
    for (let i = 0; i < 4; i++) {
      window.webContents.crash('killed');
      advance(61_000);
    }
    expect(reload).toHaveBeenCalledTimes(4);
    expect(giveUp).not.toHaveBeenCalled();
  });

  it('does not reload after a clean exit', () => {
    const { window, reload } = crashingWindow();
    window.webContents.emit('render-process-gone', standIn.event(), { reason: 'clean-exit', exitCode: 0 });
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('a helper process that dies', () => {
  it('is logged with its type and reason', () => {
    const warn = vi.fn();
    logChildProcessDeaths(standIn.app as never, { warn });
    standIn.app.emit('child-process-gone', standIn.event(), { type: 'GPU', reason: 'crashed', exitCode: 139 });
    expect(warn).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ type: 'GPU', reason: 'crashed', exitCode: 139 }));
  });
});
