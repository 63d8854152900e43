/**
 * Simulcast in SFU mode: each participant sends its camera once, in up to three sizes, and Janus
 * forwards each receiver the one its tile needs. These are the sizes we send and how a view
 * picks one.
 */
import type { PeerView } from '../../../../shared/peerMessages';

/**
 * Highest first, as Janus expects them by default ("hml"). Chromium sends as many as the camera's
 * resolution allows (two at 640×480: full and half; three from 960 wide) and leaves the rest off.
 */
export const SIMULCAST_ENCODINGS: RTCRtpEncodingParameters[] = [
  { rid: 'h', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
  { rid: 'm', scaleResolutionDownBy: 2, maxBitrate: 350_000 },
  { rid: 'l', scaleResolutionDownBy: 4, maxBitrate: 120_000 },
];

/** Janus numbers the layers from the smallest: 0 (l), 1 (m), 2 (h). */
export type Substream = 0 | 1 | 2;

/** What we ask Janus to forward for one participant's camera. */
export interface LayerChoice {
  send: boolean;
  substream: Substream;
}

/** A tile up to this tall gets the smallest layer there is (Janus falls to the nearest sent). */
const SMALL_TILE_HEIGHT = 180;

export function layerFor(view: PeerView): LayerChoice {
  if (view.shown === 'hidden') return { send: false, substream: 0 };
  if (view.shown === 'featured') return { send: true, substream: 2 };
  return { send: true, substream: view.height <= SMALL_TILE_HEIGHT ? 0 : 1 };
}
