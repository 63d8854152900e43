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
 * Fast start: a new connection sends the camera at half its resolution until FAST_START_MS after it
 * connects, then at full. At the start the bandwidth estimate is still at its low initial value,
 * and a full 640×480 first picture takes the encoder far longer to get out: on loopback the first
 * frame arrived a median 128–145 ms after `connected` at full resolution against 64–72 ms at half
 * (20 runs each, two rounds). The joiner sees everyone sooner, and sharp a second later.
 */
export const FAST_START_SCALE = 2;
export const FAST_START_MS = 1000;

/** How a new video transceiver starts sending: small, for the first picture's sake (see above). */
export const FAST_START_ENCODINGS: RTCRtpEncodingParameters[] = [{ scaleResolutionDownBy: FAST_START_SCALE }];

/**
 * Sets the sender's cap, how it degrades under pressure, and how far its resolution is scaled down
 * (1: not at all). A sender that has not been negotiated yet may have no encodings: it is capped
 * when the mesh next sets every peer's encoding after negotiation (OutgoingVideo.applyToAll).
 */
export async function capSender(
  sender: RTCRtpSender,
  maxBitrate: number,
  degradation: RTCDegradationPreference = 'balanced',
  scaleResolutionDownBy = 1,
): Promise<boolean> {
  const parameters = sender.getParameters();
  const [encoding] = parameters.encodings;
  if (!encoding) return false;
  const unchanged =
    encoding.maxBitrate === maxBitrate &&
    parameters.degradationPreference === degradation &&
    (encoding.scaleResolutionDownBy ?? 1) === scaleResolutionDownBy;
  if (unchanged) return true;
  encoding.maxBitrate = maxBitrate;
  encoding.scaleResolutionDownBy = scaleResolutionDownBy;
  parameters.degradationPreference = degradation;
  await sender.setParameters(parameters);
  return true;
}

/** Sets one sender's single encoding as the encoding policy says (see encodingPolicy.ts). */
export async function applyEncoding(
  sender: RTCRtpSender,
  wanted: { active: boolean; maxBitrate: number; scaleResolutionDownBy: number; maxFramerate: number | undefined },
  degradation: RTCDegradationPreference = 'balanced',
): Promise<boolean> {
  const parameters = sender.getParameters();
  const [encoding] = parameters.encodings;
  if (!encoding) return false;
  const unchanged =
    (encoding.active ?? true) === wanted.active &&
    encoding.maxBitrate === wanted.maxBitrate &&
    (encoding.scaleResolutionDownBy ?? 1) === wanted.scaleResolutionDownBy &&
    encoding.maxFramerate === wanted.maxFramerate &&
    parameters.degradationPreference === degradation;
  if (unchanged) return true;
  encoding.active = wanted.active;
  encoding.maxBitrate = wanted.maxBitrate;
  encoding.scaleResolutionDownBy = wanted.scaleResolutionDownBy;
  if (wanted.maxFramerate === undefined) delete encoding.maxFramerate;
  else encoding.maxFramerate = wanted.maxFramerate;
  parameters.degradationPreference = degradation;
  await sender.setParameters(parameters);
  return true;
}
