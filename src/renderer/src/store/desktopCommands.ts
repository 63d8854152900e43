/**
 * What main asks of the call (the tray's items, the global mute shortcut, a notification's click,
 * the quit path), done with the same store actions as the buttons, so the state main sees next is
 * the page's real state. Commands that do not apply (mute with no call) are ignored.
 */
import type { DesktopCommand, ParleyBridge } from '../../../shared/ipc';
import { platform } from '../platform';
import type { ParleyState } from './index';

export function runDesktopCommand(command: DesktopCommand, state: ParleyState): void {
  const inCall = state.phase === 'in-call';
  switch (command) {
    case 'mute':
      if (inCall && !state.muted) state.toggleMute();
      return;
    case 'unmute':
      if (inCall && state.muted) state.toggleMute();
      return;
    case 'toggle-mute':
      if (inCall) state.toggleMute();
      return;
    case 'camera-on':
      if (inCall && state.cameraOff) void state.toggleCamera();
      return;
    case 'camera-off':
      if (inCall && !state.cameraOff) void state.toggleCamera();
      return;
    case 'leave':
    case 'stop-hosting':
      // Leaving the call you host ends the room: leave() stops hosting after telling the server.
      if (state.phase !== 'idle' || state.hosting) void state.leave();
      return;
    case 'open-chat':
      if (inCall && state.sidePanel !== 'chat') state.toggleSidePanel('chat');
      return;
    case 'open-people':
      if (inCall && state.sidePanel !== 'people') state.toggleSidePanel('people');
      return;
  }
}

export function followDesktopCommands(store: { getState(): ParleyState }, call: Pick<ParleyBridge['call'], 'onCommand'> | null = platform().call): () => void {
  if (!call?.onCommand) return () => undefined;
  return call.onCommand((command) => runDesktopCommand(command, store.getState()));
}
