/** What the page tells the desktop app about its call, and when. */
import { describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { IDLE_CALL, type CallState } from '../../../shared/ipc';
import { callStateOf, reportCallStateToDesktop } from './desktopCallState';
import type { ParleyState } from './index';

function makeStore() {
  return create<ParleyState>()(() => ({ phase: 'idle', joinedRoom: null, muted: false, cameraOff: false, peers: {}, unreadChat: 0, leaving: false, displayName: 'Ada' }) as unknown as ParleyState);
}

describe('the call state reported to the desktop app', () => {
  it('is idle outside a call, and names the room, microphone, camera and head count in one', () => {
    expect(callStateOf({ phase: 'joining', joinedRoom: 'team', muted: false, cameraOff: false, peers: {}, unreadChat: 0, leaving: false })).toEqual(IDLE_CALL);
    expect(callStateOf({ phase: 'in-call', joinedRoom: 'team', muted: true, cameraOff: false, peers: { a: {} as never, b: {} as never }, unreadChat: 2, leaving: false })).toEqual({
      inCall: true,
      room: 'team',
      microphoneOn: false,
      cameraOn: true,
      participants: 3,
      unread: 2,
    });
    // Leaving: the screen is home already, but main's quit waits until the host has been told.
    expect(callStateOf({ phase: 'idle', joinedRoom: null, muted: false, cameraOff: false, peers: {}, unreadChat: 0, leaving: true }).inCall).toBe(true);
  });

  it('is sent at once and then on each change that matters, never twice the same', async () => {
    const store = makeStore();
    const reported: CallState[] = [];
    const stop = reportCallStateToDesktop(store, { reportState: async (state) => (reported.push(state), { ok: true, data: null }) });
    store.setState({ phase: 'in-call', joinedRoom: 'team' } as Partial<ParleyState>);
    store.setState({ displayName: 'Ada L.' } as Partial<ParleyState>); // not part of the call state
    store.setState({ muted: true } as Partial<ParleyState>);
    store.setState({ phase: 'idle', joinedRoom: null } as Partial<ParleyState>);
    stop();
    store.setState({ phase: 'in-call', joinedRoom: 'team' } as Partial<ParleyState>);
    expect(reported.map(({ inCall, microphoneOn }) => [inCall, microphoneOn])).toEqual([
      [false, false],
      [true, true],
      [true, false],
      [false, false],
    ]);
  });

  it('says so when the app refuses a report, and goes on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = makeStore();
    reportCallStateToDesktop(store, { reportState: async () => ({ ok: false, error: { code: 'BAD_REQUEST', message: 'no' } }) });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('Parley: the app did not take the call state', { code: 'BAD_REQUEST', message: 'no' }));
    warn.mockRestore();
  });

  it('does nothing in a browser', () => {
    expect(() => reportCallStateToDesktop(makeStore(), null)()).not.toThrow();
  });
});
