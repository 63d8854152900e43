import { describe, expect, it } from 'vitest';
import { CAMERA_MAX_BPS, CAMERA_MIN_BPS, CAMERA_UPLINK_BUDGET_BPS, cameraBitrateFor, screenBitrateFor } from './bandwidth';

describe('per-peer caps', () => {
  it('shrink as the mesh grows, keeping the total within the budget', () => {
    expect(cameraBitrateFor(1)).toBe(CAMERA_MAX_BPS);
    for (const peers of [2, 3, 5, 7]) {
      expect(cameraBitrateFor(peers) * peers).toBeLessThanOrEqual(CAMERA_UPLINK_BUDGET_BPS);
      expect(cameraBitrateFor(peers)).toBeLessThan(cameraBitrateFor(peers - 1) + 1);
    }
    expect(cameraBitrateFor(3)).toBe(800_000);
    expect(cameraBitrateFor(100)).toBe(CAMERA_MIN_BPS);
  });

  it('give a shared screen more than a camera', () => {
    for (const peers of [1, 3, 7]) expect(screenBitrateFor(peers)).toBeGreaterThanOrEqual(cameraBitrateFor(peers));
  });
});
