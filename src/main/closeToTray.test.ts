import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeToTray } from './closeToTray';
import { createHintMemory } from './hintMemory';
import { endCallAndHostingOnQuit } from './lifecycle';
import { standIn } from './testing/electron';

const { app, launch } = standIn;
beforeAll(() => app.finishLaunching());
afterEach(() => {
  launch.exitCode = null;
  launch.quitting = false;
  app.removeAllListeners();
  standIn.Window.reset();
});

function setup(keep: { value: boolean }) {
  const window = new standIn.Window();
  const onHidden = vi.fn();
  const hint = createHintMemory(join(mkdtempSync(join(tmpdir(), 'parley-hints-')), 'hints.json'), 'closedToTray');
  closeToTray(window as never, { app: app as never, keepRunning: () => keep.value, onHidden, hint });
  endCallAndHostingOnQuit(app as never, { status: () => ({ running: false }), stop: async () => undefined } as never);
  return { window, onHidden, hint };
}

describe('closing the window', () => {
  it('during a call hides it, and the first time only says where Parley went', () => {
    const { window, onHidden } = setup({ value: true });
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    window.show();
    window.close();
    expect(onHidden.mock.calls).toEqual([[true], [false]]);
    expect(launch.exitCode).toBeNull();
  });

  it('with nothing going on (or "Closing the window ends the call") closes it and quits', () => {
    const { window, onHidden } = setup({ value: false });
    window.close();
    expect(window.isDestroyed()).toBe(true);
    expect(onHidden).not.toHaveBeenCalled();
    expect(launch.exitCode).toBe(0);
  });

  it('never refuses while quitting: a refused close would cancel Electron\'s quit', () => {
    const { window } = setup({ value: true });
    window.close(); // hidden to the tray
    app.quit(); // Quit from the tray
    expect(window.isDestroyed()).toBe(true);
    expect(launch.exitCode).toBe(0);
  });

  it('remembers the hint across runs', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'parley-hints-')), 'hints.json');
    createHintMemory(file, 'closedToTray').markShown();
    expect(createHintMemory(file, 'closedToTray').shown()).toBe(true);
    expect(createHintMemory(join(file, 'missing'), 'closedToTray').shown()).toBe(false);
  });
});
