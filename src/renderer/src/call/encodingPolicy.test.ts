import { describe, expect, it } from 'vitest';
import { CAMERA_MIN_BPS, cameraBitrateFor } from './bandwidth';
import { cameraEncodings, CpuPressure, scaleFor, THUMBNAIL_MAX_BPS } from './encodingPolicy';

const featured = (height: number) => ({ view: { shown: 'featured' as const, width: Math.round((height * 16) / 9), height }, fastStart: false });
const thumbnail = (height: number) => ({ view: { shown: 'thumbnail' as const, width: Math.round((height * 4) / 3), height }, fastStart: false });
const hidden = { view: { shown: 'hidden' as const, width: 0, height: 0 }, fastStart: false };

describe('what the camera sends each peer', () => {
  it('scales to the view by powers of two, never below its height and never up', () => {
    expect(scaleFor(480, 480)).toBe(1);
    expect(scaleFor(480, 720)).toBe(1);
    expect(scaleFor(480, 200)).toBe(2);
    expect(scaleFor(480, 100)).toBe(4);
    expect(scaleFor(480, 10)).toBe(8);
    expect(scaleFor(480, 0)).toBe(1);
  });

  it('featured gets the picture and most of the budget; a thumbnail a small one; a hidden tile nothing', () => {
    const [big, small, none] = cameraEncodings([featured(600), thumbnail(150), hidden], 480, 0);
    expect(big).toMatchObject({ active: true, scaleResolutionDownBy: 1, maxFramerate: undefined });
    expect(small).toMatchObject({ active: true, scaleResolutionDownBy: 2, maxBitrate: THUMBNAIL_MAX_BPS, maxFramerate: 15 });
    expect(none!.active).toBe(false);
    expect(big!.maxBitrate).toBeGreaterThan(cameraBitrateFor(3));
  });

  it('a peer that never said how it shows us gets the even split, as before', () => {
    expect(cameraEncodings([{ view: null, fastStart: false }, { view: null, fastStart: true }], 480, 0)).toEqual([
      { active: true, maxBitrate: cameraBitrateFor(2), scaleResolutionDownBy: 1, maxFramerate: undefined },
      { active: true, maxBitrate: cameraBitrateFor(2), scaleResolutionDownBy: 2, maxFramerate: undefined },
    ]);
  });

  it('under CPU pressure, thumbnails step down first, then featured frame rate', () => {
    const [big1, small1] = cameraEncodings([featured(600), thumbnail(200)], 480, 1);
    expect(small1).toMatchObject({ scaleResolutionDownBy: 4, maxFramerate: 10 });
    expect(big1!.maxFramerate).toBeUndefined();
    const [big2] = cameraEncodings([featured(600), thumbnail(200)], 480, 2);
    expect(big2!.maxFramerate).toBe(15);
    expect(cameraEncodings([featured(600)], 480, 99)[0]!.maxBitrate).toBeGreaterThanOrEqual(CAMERA_MIN_BPS);
  });

  it('CPU pressure rises after two readings, falls after five clear ones', () => {
    const pressure = new CpuPressure();
    expect([pressure.observe(true), pressure.observe(true)]).toEqual([false, true]);
    expect(pressure.current()).toBe(1);
    for (let i = 0; i < 4; i++) expect(pressure.observe(false)).toBe(false);
    expect(pressure.observe(false)).toBe(true);
    expect(pressure.current()).toBe(0);
  });
});
