/**
 * Live call statistics, sampled once a second while in a call (store/statsSampling.ts): the last
 * half minute per peer (for the statistics panel and its charts), the active speaker, and the
 * layout (grid or speaker view, with an optional pinned participant).
 */
import type { StateCreator } from 'zustand';
import type { PeerStats } from '../call/callStats';
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
