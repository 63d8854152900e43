/** Our own camera and microphone: opened once, before joining, so joining is not kept waiting. */
import type { StateCreator } from 'zustand';
import { openLocalMedia, type MediaProblem } from '../call/localMedia';
import type { ParleyState } from './index';

export interface MediaSlice {
  localStream: MediaStream | null;
  mediaProblem: MediaProblem | null;
  mediaStatus: 'idle' | 'opening' | 'ready';
  /** Opens the devices if not already done; resolves when they are open (or known missing). */
  openMedia(): Promise<void>;
}

let opening: Promise<void> | undefined;

export const createMediaSlice: StateCreator<ParleyState, [], [], MediaSlice> = (set, get) => ({
  localStream: null,
  mediaProblem: null,
  mediaStatus: 'idle',
  openMedia: () => {
    // Opening twice would ask for the devices twice; a status back at 'idle' means open again.
    if (get().mediaStatus === 'idle' || !opening) {
      set({ mediaStatus: 'opening' });
      opening = openLocalMedia().then(({ stream, problem }) => {
        set({ localStream: stream, mediaProblem: problem, mediaStatus: 'ready' });
      });
    }
    return opening;
  },
});
