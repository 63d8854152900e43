/**
 * Who is speaking: the loudest participant whose level (RMS over the last sample) is above a floor.
 * The current speaker keeps the floor unless someone is clearly louder, so the highlight does not
 * flicker between two people talking over each other.
 */

/** RMS below this is silence or background noise (a muted microphone sends exactly zero). */
export const SPEAKING_LEVEL = 0.01;
/** Someone else takes over only when this many times louder than the current speaker. */
export const TAKE_OVER_RATIO = 1.5;

export function pickActiveSpeaker(levels: Record<string, number>, current: string | null): string | null {
  let loudest: string | null = null;
  for (const [peerId, level] of Object.entries(levels)) {
    if (level < SPEAKING_LEVEL) continue;
    if (loudest === null || level > (levels[loudest] ?? 0)) loudest = peerId;
  }
  if (loudest === null) return null;
  const currentLevel = current === null ? 0 : (levels[current] ?? 0);
  if (current !== null && currentLevel >= SPEAKING_LEVEL && (levels[loudest] ?? 0) < currentLevel * TAKE_OVER_RATIO) return current;
  return loudest;
}
