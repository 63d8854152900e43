/**
 * Opening the camera and microphone, falling back step by step (both → microphone only → camera
 * only → nothing), so a person without a camera, or who refused access, can still join and see
 * others. The problem found is reported so the UI can say what is missing and how to fix it.
 */

export type MediaProblem = 'insecure-context' | 'denied' | 'not-found' | 'in-use' | 'partial' | 'failed';

export interface OpenedMedia {
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

export function classifyMediaError(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'not-found';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in-use';
  return 'failed';
}

export async function openLocalMedia(
  mediaDevices: MediaDevices | undefined,
  constraints: { audio: MediaTrackConstraints; video: MediaTrackConstraints },
): Promise<OpenedMedia> {
  if (!mediaDevices?.getUserMedia) return { stream: null, problem: 'insecure-context' };
  const attempts: MediaStreamConstraints[] = [
    { audio: constraints.audio, video: constraints.video },
    { audio: constraints.audio, video: false },
    { audio: false, video: constraints.video },
  ];
  let firstProblem: MediaProblem | null = null;
  for (const [index, attempt] of attempts.entries()) {
    try {
      const stream = await mediaDevices.getUserMedia(attempt);
      return { stream, problem: index === 0 ? null : 'partial' };
    } catch (error) {
      // Keep trying the smaller requests: a refused camera may still leave the microphone allowed.
      firstProblem ??= classifyMediaError(error);
    }
  }
  return { stream: null, problem: firstProblem ?? 'failed' };
}
