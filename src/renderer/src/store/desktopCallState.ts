/**
 * Tells the desktop app's main process what the call is whenever that changes (`call:state`):
 * main keeps the display awake during a call, and the desktop features that follow the call
 * (tray, global mute) read the same report. Nothing is sent in a browser, which has no main.
 */
import { IDLE_CALL, type CallState, type ParleyBridge } from '../../../shared/ipc';
import { platform } from '../platform';
import type { ParleyState } from './index';
import { reportToDesktop, type ObservedStore } from './reportToDesktop';

export function callStateOf(state: Pick<ParleyState, 'phase' | 'joinedRoom' | 'muted' | 'cameraOff' | 'peers' | 'unreadChat' | 'leaving'>): CallState {
  // Still in the call while leaving: main's quit waits for the host to have been told.
  if (state.phase !== 'in-call' && !state.leaving) return IDLE_CALL;
  return {
    inCall: true,
    room: state.joinedRoom,
    microphoneOn: !state.muted,
    cameraOn: !state.cameraOff,
    participants: Object.keys(state.peers).length + 1,
    unread: state.unreadChat,
  };
}

const same = (a: CallState, b: CallState): boolean =>
  a.inCall === b.inCall && a.room === b.room && a.microphoneOn === b.microphoneOn && a.cameraOn === b.cameraOn && a.participants === b.participants && a.unread === b.unread;

/** Reports now and on every change; returns the unsubscribe. */
export function reportCallStateToDesktop(store: ObservedStore, call: Pick<ParleyBridge['call'], 'reportState'> | null = platform().call): () => void {
  if (!call) return () => undefined;
  return reportToDesktop(store, { pick: callStateOf, same, send: (state) => call.reportState(state), what: 'call state' });
}
