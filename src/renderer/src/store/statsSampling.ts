/**
 * The statistics' sampling for the length of a call (store/statsSlice.ts holds what it finds):
 * once a second, each connection's figures and the active speaker. Loaded with the call layer
 * (store/duringCall.ts), not with the home screen.
 */
import { pickActiveSpeaker } from '../call/activeSpeaker';
import type { Call } from '../call/call';
import { StatsSampler, type PeerStats } from '../call/callStats';
import { voiceLevel } from './remoteVoices';
import { STATS_HISTORY, STATS_INTERVAL_MS } from './statsSlice';
import type { ParleyState } from './index';

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
