/**
 * What our camera sends to one peer, from how that peer shows it (its view request), the room's
 * size, fast start and how hard our encoder is pressed for CPU. In a full mesh we encode once per
 * peer, so sending a thumbnail-sized picture to a thumbnail, and nothing to a tile nobody sees, is
 * where the CPU and the uplink go down. Pure: tested alone, applied by Mesh with setParameters.
 */
import { CAMERA_MAX_BPS, CAMERA_MIN_BPS, CAMERA_UPLINK_BUDGET_BPS, cameraBitrateFor, FAST_START_SCALE } from './bandwidth';
import type { PeerView } from '../../../shared/peerMessages';

export interface CameraEncoding {
  active: boolean;
  maxBitrate: number;
  scaleResolutionDownBy: number;
  /** Undefined: the camera's own rate. */
  maxFramerate: number | undefined;
}

/** A thumbnail (a picture a few hundred pixels tall) looks right at this; the rest of the budget goes to featured views. */
export const THUMBNAIL_MAX_BPS = 150_000;
export const THUMBNAIL_FPS = 15;
/** Under CPU pressure: thumbnails first, then featured views. */
export const CPU_STEPS = [
  { thumbnailExtraScale: 1, thumbnailFps: THUMBNAIL_FPS, featuredFps: undefined },
  { thumbnailExtraScale: 2, thumbnailFps: 10, featuredFps: undefined },
  { thumbnailExtraScale: 2, thumbnailFps: 7, featuredFps: 15 },
] as const;
export const MAX_CPU_LEVEL = CPU_STEPS.length - 1;

/**
 * The largest power-of-two reduction that still gives the view at least its own height (a 180 px
 * thumbnail of a 480 px camera: ÷2, to 240 px). Capped at ÷8. Powers of two only: with eight
 * participants on the 2-core machine, reductions in quarter steps (÷2.25, ÷3…) slowed the pages
 * until the browser gave up, where powers of two held all eight (bench:mesh).
 */
export function scaleFor(sourceHeight: number, viewHeight: number): number {
  if (sourceHeight <= 0 || viewHeight <= 0) return 1;
  let scale = 1;
  while (scale < 8 && sourceHeight / (scale * 2) >= viewHeight) scale *= 2;
  return scale;
}

export interface PeerSending {
  /** Null: the peer has not said how it shows us (an older client): today's even split. */
  view: PeerView | null;
  fastStart: boolean;
}

/** The encoding for each peer, given all of them (the uplink budget is shared). */
export function cameraEncodings(peers: readonly PeerSending[], sourceHeight: number, cpuLevel: number): CameraEncoding[] {
  const step = CPU_STEPS[Math.max(0, Math.min(MAX_CPU_LEVEL, cpuLevel))]!;
  const even = cameraBitrateFor(peers.length);
  const thumbnails = peers.filter((peer) => peer.view?.shown === 'thumbnail').length;
  const large = peers.filter((peer) => peer.view === null || peer.view.shown === 'featured').length;
  // What the thumbnails leave of the budget is shared by the views that show us large.
  const featuredShare = clamp(Math.floor((CAMERA_UPLINK_BUDGET_BPS - thumbnails * THUMBNAIL_MAX_BPS) / Math.max(1, large)), CAMERA_MIN_BPS, CAMERA_MAX_BPS);
  return peers.map(({ view, fastStart }) => {
    const start = fastStart ? FAST_START_SCALE : 1;
    if (view === null) return { active: true, maxBitrate: even, scaleResolutionDownBy: start, maxFramerate: step.featuredFps };
    if (view.shown === 'hidden') return { active: false, maxBitrate: CAMERA_MIN_BPS, scaleResolutionDownBy: 1, maxFramerate: undefined };
    const fit = scaleFor(sourceHeight, view.height);
    if (view.shown === 'thumbnail') {
      return { active: true, maxBitrate: Math.min(THUMBNAIL_MAX_BPS, even), scaleResolutionDownBy: Math.max(start, fit * step.thumbnailExtraScale), maxFramerate: step.thumbnailFps };
    }
    return { active: true, maxBitrate: featuredShare, scaleResolutionDownBy: Math.max(start, fit), maxFramerate: step.featuredFps };
  });
}

/**
 * Follows the encoder's `qualityLimitationReason`: a level up after two readings in a row say
 * "cpu", a level down after five in a row do not (so it does not flap).
 */
export class CpuPressure {
  private level = 0;
  private pressed = 0;
  private clear = 0;

  current(): number {
    return this.level;
  }

  /** One reading (every couple of seconds); returns whether the level changed. */
  observe(cpuLimited: boolean): boolean {
    if (cpuLimited) {
      this.clear = 0;
      this.pressed += 1;
      if (this.pressed >= 2 && this.level < MAX_CPU_LEVEL) {
        this.level += 1;
        this.pressed = 0;
        return true;
      }
      return false;
    }
    this.pressed = 0;
    this.clear += 1;
    if (this.clear >= 5 && this.level > 0) {
      this.level -= 1;
      this.clear = 0;
      return true;
    }
    return false;
  }
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
