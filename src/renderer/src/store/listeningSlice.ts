/**
 * How loud each participant is for us (0–200%) and whom we muted for ourselves: chosen from a
 * tile's sound menu, kept for the rest of the call (a participant who drops and resumes keeps
 * their id, so their setting), forgotten when the next call starts. Nothing of it is sent: the
 * others hear everyone as before. call/remoteAudio.ts plays it.
 */
import type { StateCreator } from 'zustand';
import { AS_SENT, MAX_VOLUME, type Listening } from '../call/listening';
import type { ParleyState } from './index';

export interface ListeningSlice {
  listening: Record<string, Listening>;
  setPeerVolume(peerId: string, volume: number): void;
  setPeerMutedForMe(peerId: string, mutedForMe: boolean): void;
}

/** What we chose for this participant, or as sent when nothing. */
export function listeningTo(state: Pick<ParleyState, 'listening'>, peerId: string): Listening {
  return state.listening[peerId] ?? AS_SENT;
}

export const createListeningSlice: StateCreator<ParleyState, [], [], ListeningSlice> = (set) => {
  const change = (peerId: string, update: Partial<Listening>): void =>
    set((state) => ({ listening: { ...state.listening, [peerId]: { ...listeningTo(state, peerId), ...update } } }));
  return {
    listening: {},
    setPeerVolume: (peerId, volume) => {
      if (!Number.isFinite(volume)) return;
      change(peerId, { volume: Math.min(MAX_VOLUME, Math.max(0, volume)) });
    },
    setPeerMutedForMe: (peerId, mutedForMe) => change(peerId, { mutedForMe }),
  };
};
