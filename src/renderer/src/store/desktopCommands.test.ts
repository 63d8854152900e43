import { describe, expect, it, vi } from 'vitest';
import { runDesktopCommand } from './desktopCommands';
import type { ParleyState } from './index';

function state(change: Partial<ParleyState> = {}): ParleyState {
  return { phase: 'in-call', muted: false, cameraOff: false, sidePanel: null, hosting: null, toggleMute: vi.fn(), toggleCamera: vi.fn(async () => undefined), leave: vi.fn(async () => undefined), toggleSidePanel: vi.fn(), ...change } as unknown as ParleyState;
}

describe("main's commands, done with the buttons' own actions", () => {
  it('mute and unmute say what they mean (a stale tray cannot flip the wrong way)', () => {
    const live = state();
    runDesktopCommand('unmute', live);
    expect(live.toggleMute).not.toHaveBeenCalled();
    runDesktopCommand('mute', live);
    expect(live.toggleMute).toHaveBeenCalledTimes(1);
    const muted = state({ muted: true });
    runDesktopCommand('mute', muted);
    runDesktopCommand('unmute', muted);
    expect(muted.toggleMute).toHaveBeenCalledTimes(1);
  });

  it('camera, leave and the panels', () => {
    const s = state({ cameraOff: true });
    runDesktopCommand('camera-on', s);
    runDesktopCommand('camera-off', s);
    runDesktopCommand('open-chat', s);
    runDesktopCommand('leave', s);
    expect(s.toggleCamera).toHaveBeenCalledTimes(1);
    expect(s.toggleSidePanel).toHaveBeenCalledWith('chat');
    expect(s.leave).toHaveBeenCalledTimes(1);
    const chatOpen = state({ sidePanel: 'chat' });
    runDesktopCommand('open-chat', chatOpen);
    expect(chatOpen.toggleSidePanel).not.toHaveBeenCalled(); // it would close it
  });

  it('outside a call, nothing but stopping a hosted room', () => {
    const idle = state({ phase: 'idle' });
    for (const command of ['mute', 'toggle-mute', 'camera-off', 'open-people', 'leave'] as const) runDesktopCommand(command, idle);
    expect(idle.toggleMute).not.toHaveBeenCalled();
    expect(idle.leave).not.toHaveBeenCalled();
    const hostingOnly = state({ phase: 'idle', hosting: { running: true } as ParleyState['hosting'] });
    runDesktopCommand('stop-hosting', hostingOnly);
    expect(hostingOnly.leave).toHaveBeenCalledTimes(1);
  });
});
