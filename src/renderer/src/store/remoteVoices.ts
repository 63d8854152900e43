/**
 * The others' voices for the length of a call: call/remoteAudio.ts plays each participant at the
 * volume chosen here (store/listeningSlice), on the speaker chosen in settings, following the
 * store as peers come and go and their tracks change. Started with the call, like its statistics,
 * and stopped with it. Where the browser cannot route Web Audio to the chosen speaker, the tiles
 * play the sound instead (VideoTile's `playsOwnAudio`) and nothing is played here.
 */
import { gainFor, routesThroughGraph } from '../call/listening';
import { RemoteAudio } from '../call/remoteAudio';
import { listeningTo } from './listeningSlice';
import type { ParleyState } from './index';

type Subscribe = (listener: (after: ParleyState, before: ParleyState) => void) => () => void;

let current: { output: RemoteAudio; unsubscribe: () => void } | undefined;

function sync(output: RemoteAudio, state: ParleyState): void {
  const throughGraph = routesThroughGraph(state.speakerId);
  output.setOutput(state.speakerId ?? '');
  const peers = Object.values(state.peers);
  output.keepOnly(new Set(throughGraph ? peers.map((peer) => peer.id) : []));
  if (!throughGraph) return;
  for (const peer of peers) output.play(peer.id, peer.stream?.getAudioTracks()[0] ?? null, gainFor(listeningTo(state, peer.id)));
}

export function startRemoteVoices(state: ParleyState, subscribe: Subscribe): void {
  stopRemoteVoices();
  const output = new RemoteAudio();
  sync(output, state);
  const unsubscribe = subscribe((after, before) => {
    if (after.peers !== before.peers || after.listening !== before.listening || after.speakerId !== before.speakerId) sync(output, after);
  });
  current = { output, unsubscribe };
}

export function stopRemoteVoices(): void {
  current?.unsubscribe();
  current?.output.close();
  current = undefined;
}

/** How loud this participant arrives, as played here; undefined where the tiles play the sound. */
export function voiceLevel(peerId: string): number | undefined {
  return current?.output.level(peerId);
}
