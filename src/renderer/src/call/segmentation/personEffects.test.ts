import { describe, expect, it } from 'vitest';
import { personEffectsSupported } from './personEffects';

const present = () => undefined;

describe('whether the person effects can run', () => {
  it('needs insertable streams for video, canvases in workers, and workers', () => {
    const full = { MediaStreamTrackProcessor: present, MediaStreamTrackGenerator: present, OffscreenCanvas: present, Worker: present };
    expect(personEffectsSupported(full as unknown as typeof globalThis)).toBe(true);
    // Firefox and Safari pages: no MediaStreamTrackGenerator (Safari has processors in workers only).
    for (const missing of Object.keys(full)) {
      const partial = { ...full, [missing]: undefined };
      expect(personEffectsSupported(partial as unknown as typeof globalThis), missing).toBe(false);
    }
  });
});
