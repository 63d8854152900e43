/**
 * Sharing a screen in the call: the track being shared, and starting and stopping it. The call
 * slice hands the call over when it starts (attachScreenShare) and ends sharing with the call.
 */
import type { StateCreator } from 'zustand';
import type { Call } from '../call/call';
import type { ParleyState } from './index';

export interface ScreenShareSlice {
  /** Our shared screen, while sharing. */
  screenTrack: MediaStreamTrack | null;
  /** Asks for a screen or window (the system's or Parley's picker) and shares it with everyone. */
  shareScreen(): Promise<void>;
  stopScreenShare(): void;
}

/** The call being shared into; none outside a call. */
let sharingCall: Call | undefined;

export function attachScreenShare(call: Call): void {
  sharingCall = call;
}

/** The call ended: stop sharing, and keep nothing of it. */
export function endScreenShare(set: (partial: Partial<ParleyState>) => void, get: () => ParleyState): void {
  sharingCall = undefined;
  get().screenTrack?.stop();
  set({ screenTrack: null });
}

export const createScreenShareSlice: StateCreator<ParleyState, [], [], ScreenShareSlice> = (set, get) => ({
  screenTrack: null,

  shareScreen: async () => {
    if (!sharingCall || get().screenTrack) return;
    let track: MediaStreamTrack | undefined;
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false });
      track = stream.getVideoTracks()[0];
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'NotAllowedError';
      get().showNotice(cancelled ? 'Screen sharing was cancelled.' : `The screen could not be shared: ${(error as Error).message}`);
      return;
    }
    // The call may have ended while the user was choosing.
    if (!track || !sharingCall) return track?.stop();
    // Text and lines: encoders keep detail rather than motion.
    track.contentHint = 'detail';
    // Stopped from the system's own "Stop sharing" control.
    track.addEventListener('ended', () => get().stopScreenShare());
    sharingCall.setScreenTrack(track);
    set({ screenTrack: track });
  },

  stopScreenShare: () => {
    const track = get().screenTrack;
    if (!track) return;
    track.stop();
    sharingCall?.setScreenTrack(null);
    set({ screenTrack: null });
  },
});
