/**
 * Good, fair or poor, for each participant's tile, from the last few seconds of statistics: packets
 * lost on the way to us, the round trip, freezes of their video, and what limits our camera to
 * them. With the one reason that decided it, for the tile's one-line explanation.
 */
import type { PeerStats } from './callStats';

export type QualityLevel = 'good' | 'fair' | 'poor';
export type QualityReason = 'loss' | 'delay' | 'freezes' | 'cpu' | 'bandwidth' | null;

export interface ConnectionQuality {
  level: QualityLevel;
  reason: QualityReason;
  /** The figure behind the reason (loss in %, round trip in ms, freezes in the window). */
  figure: number;
}

/** How many recent samples (one a second) are judged. */
export const QUALITY_WINDOW = 5;

/**
 * Whether the link itself is what holds our camera back: the encoder says 'bandwidth' whenever its
 * bitrate is what limits the picture, and that includes the caps we set ourselves (the uplink
 * budget, a thumbnail's rate: bandwidth.ts, encodingPolicy.ts), which are no fault of the link.
 * Only when the connection's own estimate is below our cap is the link too narrow.
 */
function linkBelowOurCap({ availableOutgoingKbps, videoCapKbps }: PeerStats): boolean {
  if (availableOutgoingKbps === null) return false;
  return videoCapKbps === null || availableOutgoingKbps < videoCapKbps * 0.9;
}

export function connectionQuality(history: readonly PeerStats[]): ConnectionQuality | null {
  const recent = history.slice(-QUALITY_WINDOW);
  if (recent.length < 2) return null; // too early to say
  // The worse of the two: audio's loss shows the path (video's is mostly repaired before it counts).
  const loss = recent.reduce((sum, sample) => sum + Math.max(sample.packetLossPercent, sample.audioLossPercent), 0) / recent.length;
  const rtts = recent.flatMap((sample) => (sample.rttMs === null ? [] : [sample.rttMs]));
  const rtt = rtts.length > 0 ? rtts.reduce((a, b) => a + b, 0) / rtts.length : 0;
  const freezes = recent.at(-1)!.freezeCount - recent[0]!.freezeCount;
  const last = recent.at(-1)!;
  const limited = last.qualityLimitation === 'bandwidth' && !linkBelowOurCap(last) ? 'none' : last.qualityLimitation;
  if (loss >= 5) return { level: 'poor', reason: 'loss', figure: Math.round(loss) };
  if (rtt >= 400) return { level: 'poor', reason: 'delay', figure: Math.round(rtt) };
  if (freezes >= 2) return { level: 'poor', reason: 'freezes', figure: freezes };
  if (loss >= 1.5) return { level: 'fair', reason: 'loss', figure: Math.round(loss * 10) / 10 };
  if (rtt >= 200) return { level: 'fair', reason: 'delay', figure: Math.round(rtt) };
  if (freezes >= 1) return { level: 'fair', reason: 'freezes', figure: freezes };
  if (limited === 'cpu' || limited === 'bandwidth') return { level: 'fair', reason: limited, figure: 0 };
  return { level: 'good', reason: null, figure: 0 };
}
