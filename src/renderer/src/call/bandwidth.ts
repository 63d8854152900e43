/**
 * Uplink that fits a mesh: each participant sends its camera to every other one, so the per-peer
 * cap shrinks as the room grows and the total stays near one budget. Applied with
 * `RTCRtpSender.setParameters` (no renegotiation) whenever the number of peers changes.
 */

/** Camera video across all peers together; audio (~40 kbit/s per peer) comes on top. */
export const CAMERA_UPLINK_BUDGET_BPS = 2_400_000;
/** One peer never gets more than this (640×480 looks good well below it)… */
export const CAMERA_MAX_BPS = 1_200_000;
/** …nor less than this, below which video is not worth sending. */
export const CAMERA_MIN_BPS = 150_000;
/** A shared screen: sharp text matters more than frame rate; also split across peers. */
export const SCREEN_UPLINK_BUDGET_BPS = 3_000_000;
export const SCREEN_MAX_BPS = 2_500_000;

export function cameraBitrateFor(peerCount: number): number {
  return clamp(Math.floor(CAMERA_UPLINK_BUDGET_BPS / Math.max(1, peerCount)), CAMERA_MIN_BPS, CAMERA_MAX_BPS);
}

export function screenBitrateFor(peerCount: number): number {
  return clamp(Math.floor(SCREEN_UPLINK_BUDGET_BPS / Math.max(1, peerCount)), CAMERA_MIN_BPS, SCREEN_MAX_BPS);
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/**
 * Sets the sender's cap (and how it degrades under pressure). A sender that has not been
 * negotiated yet has no encodings: it is capped when the next `applyCaps` runs after negotiation.
 */
export async function capSender(sender: RTCRtpSender, maxBitrate: number, degradation: RTCDegradationPreference = 'balanced'): Promise<boolean> {
  const parameters = sender.getParameters();
  const [encoding] = parameters.encodings;
  if (!encoding) return false;
  if (encoding.maxBitrate === maxBitrate && parameters.degradationPreference === degradation) return true;
  encoding.maxBitrate = maxBitrate;
  parameters.degradationPreference = degradation;
  await sender.setParameters(parameters);
  return true;
}
