/**
 * Live call statistics, sampled once a second while in a call: the last half minute per peer (for
 * the statistics panel and its charts), the active speaker, and the layout (grid or speaker view,
 * with an optional pinned participant).
 */
import type { StateCreator } from 'zustand';
import { pickActiveSpeaker } from '../call/activeSpeaker';
import type { Call } from '../call/call';
import { StatsSampler, type PeerStats } from '../call/callStats';
import { voiceLevel } from './remoteVoices';
import type { ParleyState } from './index';

export const STATS_INTERVAL_MS = 1000;
export const STATS_HISTORY = 30;

export type Layout = 'grid' | 'speaker';

export interface StatsSlice {
  peerStats: Record<string, PeerStats[]>;
  activeSpeaker: string | null;
  layout: Layout;
  pinned: string | null;
  setLayout(layout: Layout): void;
  /** Pin a participant to the large view (null to follow the active speaker again). */
  setPinned(peerId: string | null): void;
}

export const createStatsSlice: StateCreator<ParleyState, [], [], StatsSlice> = (set) => ({
  peerStats: {},
  activeSpeaker: null,
  layout: 'grid',
  pinned: null,
  setLayout: (layout) => set({ layout }),
  setPinned: (pinned) => set((state) => ({ pinned, layout: pinned ? 'speaker' : state.layout })),
});

let timer: ReturnType<typeof setInterval> | undefined;

/** Samples this call's connections until `stopStats` (or the next call) replaces it. */
export function startStats(call: Call, set: (change: (state: ParleyState) => Partial<ParleyState>) => void): void {
  stopStats();
  const sampler = new StatsSampler();
  let busy = false;
  timer = setInterval(() => {
    if (busy) return;
    busy = true;
    sampler
      .sample(call.connections())
      .then((samples) =>
        set((state) => {
          const peerStats: Record<string, PeerStats[]> = {};
          const levels: Record<string, number> = {};
          for (const sample of samples) {
            peerStats[sample.peerId] = [...(state.peerStats[sample.peerId] ?? []), sample].slice(-STATS_HISTORY);
            // Played through Web Audio, the voice's level is read there (the received energy reads
            // zero behind a muted element; see call/remoteAudio.ts).
            if (!state.peers[sample.peerId]?.mediaState?.audioMuted) levels[sample.peerId] = voiceLevel(sample.peerId) ?? sample.audioLevel;
          }
          return { peerStats, activeSpeaker: pickActiveSpeaker(levels, state.activeSpeaker) };
        }),
      )
      .catch((error: unknown) => console.warn('Parley: statistics unavailable', error))
      .finally(() => (busy = false));
  }, STATS_INTERVAL_MS);
}

export function stopStats(): void {
  clearInterval(timer);
  timer = undefined;
}
