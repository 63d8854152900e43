/**
 * Sharing a screen in the call: the track being shared, and starting and stopping it. The call
 * slice hands the call over when it starts (attachScreenShare) and ends sharing with the call.
 */
import type { StateCreator } from 'zustand';
import type { Call } from '../call/call';
import { platform } from '../platform';
import type { ParleyState } from './index';

export interface ScreenShareSlice {
  /** Our shared screen, while sharing. */
  screenTrack: MediaStreamTrack | null;
  /** The operating system refuses Parley screen recording (macOS): the user must allow it in settings. */
  screenAccessBlocked: boolean;
  dismissScreenAccess(): void;
  /** Asks for a screen or window (the system's or Parley's picker) and shares it with everyone. */
  shareScreen(): Promise<void>;
  stopScreenShare(): void;
}

/** Whether the OS (macOS's Screen Recording setting) refuses this app; false where it cannot tell. */
async function screenRecordingDenied(): Promise<boolean> {
  const status = await platform().mediaAccess?.status().catch(() => undefined);
  return status?.ok === true && (status.data.screen === 'denied' || status.data.screen === 'restricted');
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
  screenAccessBlocked: false,
  dismissScreenAccess: () => set({ screenAccessBlocked: false }),

  shareScreen: async () => {
    if (!sharingCall || get().screenTrack) return;
    let track: MediaStreamTrack | undefined;
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false });
      track = stream.getVideoTracks()[0];
    } catch (error) {
      const refused = error instanceof DOMException && error.name === 'NotAllowedError';
      // A refusal may be the OS's, not the user's: then say where to allow it.
      if (refused && (await screenRecordingDenied())) return set({ screenAccessBlocked: true });
      if (refused) get().showNotice('notices.screenShareCancelled');
      else get().showNotice('notices.screenShareFailed', { detail: (error as Error).message });
      return;
    }
    set({ screenAccessBlocked: false });
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
