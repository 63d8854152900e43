/**
 * Opens the camera and microphone, falling back step by step (both → microphone only → camera only
 * → nothing), so a person without a camera, or who refused access, can still join and see others.
 */

/** 640x480 at 15 fps: the original demo's default and gentle on a mesh's uplinks. */
export const DEFAULT_VIDEO: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 15 } };

export type MediaProblem = 'insecure-context' | 'denied' | 'not-found' | 'in-use' | 'partial' | 'failed';

export interface LocalMedia {
  stream: MediaStream | null;
  problem: MediaProblem | null;
}

export const MEDIA_PROBLEM_TEXT: Record<MediaProblem, string> = {
  'insecure-context':
    'This page is not a secure context, so the browser will not share your camera or microphone. Open it over HTTPS or on this machine’s own address, or use the Parley app. You can still join and see and hear others.',
  denied:
    'Camera and microphone access was refused. You can still join and see and hear others; allow access in your browser or system privacy settings to be seen and heard.',
  'not-found': 'No camera or microphone was found. You can still join and see and hear others.',
  'in-use': 'Your camera or microphone is in use by another application. Close it and try again, or join without it.',
  partial: 'Only part of your devices could be opened (camera or microphone is missing or refused).',
  failed: 'Your camera and microphone could not be opened. You can still join and see and hear others.',
};

function classify(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'not-found';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in-use';
  return 'failed';
}

export async function openLocalMedia(
  mediaDevices: MediaDevices | undefined = globalThis.navigator?.mediaDevices,
): Promise<LocalMedia> {
  if (!mediaDevices?.getUserMedia) return { stream: null, problem: 'insecure-context' };
  const attempts: MediaStreamConstraints[] = [
    { audio: true, video: DEFAULT_VIDEO },
    { audio: true, video: false },
    { audio: false, video: DEFAULT_VIDEO },
  ];
  let firstProblem: MediaProblem | null = null;
  for (const [index, constraints] of attempts.entries()) {
    try {
      const stream = await mediaDevices.getUserMedia(constraints);
      return { stream, problem: index === 0 ? null : 'partial' };
    } catch (error) {
      // Keep trying the smaller requests: a refused camera may still leave the microphone allowed.
      firstProblem ??= classify(error);
    }
  }
  return { stream: null, problem: firstProblem ?? 'failed' };
}
