/**
 * What happened in the call between two states that deserves a cue (a sound, a notification):
 * someone joined or left, a message or a file arrived. Our own messages and the people already
 * there when we joined are not news. Pure, so it is tested without a call.
 */
import type { ParleyState } from './index';

export type CallCue =
  | { kind: 'joined'; name: string }
  | { kind: 'left'; name: string }
  | { kind: 'message'; name: string; text: string }
  | { kind: 'file'; name: string; fileName: string };

type Observed = Pick<ParleyState, 'phase' | 'peers' | 'chat' | 'transfers'>;

export function cuesBetween(before: Observed, after: Observed): CallCue[] {
  if (before.phase !== 'in-call' || after.phase !== 'in-call') return [];
  const cues: CallCue[] = [];
  for (const peer of Object.values(after.peers)) if (!before.peers[peer.id]) cues.push({ kind: 'joined', name: peer.name });
  for (const peer of Object.values(before.peers)) if (!after.peers[peer.id]) cues.push({ kind: 'left', name: peer.name });
  // (A chat that no longer starts with the same entry is a new call's, not news.)
  if (after.chat.length > before.chat.length && (before.chat.length === 0 || after.chat[0] === before.chat[0])) {
    for (const entry of after.chat.slice(before.chat.length)) {
      if (entry.from !== null) cues.push({ kind: 'message', name: entry.fromName ?? '', text: entry.text });
    }
  }
  for (const transfer of Object.values(after.transfers)) {
    if (transfer.direction === 'receive' && !before.transfers[transfer.id]) {
      cues.push({ kind: 'file', name: after.peers[transfer.peerId]?.name ?? '', fileName: transfer.name });
    }
  }
  return cues;
}
