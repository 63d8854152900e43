/**
 * How loud each participant is played here (call/remoteAudio.ts plays them): the listener's choice
 * per participant and the rules on it. Apart from the audio graph, so the tiles and the store can
 * use them without loading it (it comes with the call layer).
 */

/** What a listener chose for one participant: 0..2 (1 is as sent), and "mute for me". */
export interface Listening {
  volume: number;
  mutedForMe: boolean;
}

export const AS_SENT: Listening = { volume: 1, mutedForMe: false };
export const MAX_VOLUME = 2;

/** The gain a participant's voice gets: silent when muted for me, else the volume, within 0..2. */
export function gainFor({ volume, mutedForMe }: Listening): number {
  if (mutedForMe) return 0;
  if (!Number.isFinite(volume)) return 1;
  return Math.min(MAX_VOLUME, Math.max(0, volume));
}

export type RoutableContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

/** Whether the graph can play on this speaker ('' or null: the system's default). */
export function routesThroughGraph(sinkId: string | null): boolean {
  if (typeof AudioContext === 'undefined') return false;
  return !sinkId || typeof (AudioContext.prototype as RoutableContext).setSinkId === 'function';
}
