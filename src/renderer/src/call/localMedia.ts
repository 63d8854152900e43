/**
 * Opening the camera and microphone, falling back step by step (both → microphone only → camera
 * only → nothing), so a person without a camera, or who refused access, can still join and see
 * others. The problem found is reported so the UI can say what is missing and how to fix it.
 */
import type { MessageKey } from '../../../shared/i18n/catalogs';

export type MediaProblem = 'insecure-context' | 'denied' | 'not-found' | 'in-use' | 'partial' | 'failed';

export interface OpenedMedia {
  stream: MediaStream | null;
  problem: MediaProblem | null;
}

/** What each problem means for the user and what to do, as a catalog key (worded by the view). */
export const MEDIA_PROBLEM_TEXT: Readonly<Record<MediaProblem, MessageKey>> = {
  'insecure-context': 'media.problem.insecureContext',
  denied: 'media.problem.denied',
  'not-found': 'media.problem.notFound',
  'in-use': 'media.problem.inUse',
  partial: 'media.problem.partial',
  failed: 'media.problem.failed',
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
