/**
 * What the page and the segmentation worker (segmentation.worker.ts) say to each other. The
 * camera's frames never pass through here: the page hands the worker a stream of them and a
 * stream to write the composed frames to, once, and the frames flow between the two directly.
 */
import type { BuiltInBackground } from './backgrounds';

/** The effects that find the person: everything but the person blurred, or replaced. */
export const PERSON_EFFECTS = ['background-blur', 'background-image'] as const;
export type PersonEffect = (typeof PERSON_EFFECTS)[number];

/** What goes behind the person: painted in the worker, or the user's picture, decoded. */
export type BackgroundPicture = { kind: 'built-in'; name: BuiltInBackground } | { kind: 'own'; bitmap: ImageBitmap };

export type ToSegmentation =
  | { type: 'start'; frames: ReadableStream<VideoFrame>; output: WritableStream<VideoFrame>; effect: PersonEffect; background: BackgroundPicture }
  | { type: 'background'; background: BackgroundPicture };

export interface SegmentationFigures {
  /** Composed frames written in the last second. */
  framesPerSecond: number;
  /** Median time to find the person and compose one frame, in milliseconds, over the last second. */
  msPerFrame: number;
}

export type FromSegmentation =
  /** The model runs; until now every frame went out blurred all over, so nothing behind the person leaked. */
  | { type: 'ready'; loadMs: number }
  /** The model could not start: frames keep going out blurred all over. */
  | { type: 'failed'; reason: string }
  | ({ type: 'figures' } & SegmentationFigures);
