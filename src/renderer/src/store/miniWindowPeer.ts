/** Whom the mini window shows: the pinned participant, else whoever speaks, else the first to arrive (null: ourselves). */
import type { ParleyState } from './index';

export function miniWindowPeerId(state: Pick<ParleyState, 'pinned' | 'activeSpeaker' | 'peers'>): string | null {
  return state.pinned ?? state.activeSpeaker ?? Object.keys(state.peers)[0] ?? null;
}
