import { describe, expect, it } from 'vitest';
import { layerFor, SIMULCAST_ENCODINGS } from './layers';

describe('simulcast layers in SFU mode', () => {
  it('sends full, half and quarter size, highest first (Janus\'s default order)', () => {
    expect(SIMULCAST_ENCODINGS.map((encoding) => [encoding.rid, encoding.scaleResolutionDownBy])).toEqual([
      ['h', 1],
      ['m', 2],
      ['l', 4],
    ]);
  });

  it('featured gets the full layer, a thumbnail a small one by its height, a hidden tile nothing', () => {
    expect(layerFor({ shown: 'featured', width: 1280, height: 720 })).toEqual({ send: true, substream: 2 });
    expect(layerFor({ shown: 'thumbnail', width: 320, height: 240 })).toEqual({ send: true, substream: 1 });
    expect(layerFor({ shown: 'thumbnail', width: 160, height: 120 })).toEqual({ send: true, substream: 0 });
    expect(layerFor({ shown: 'hidden', width: 0, height: 0 })).toMatchObject({ send: false });
  });
});
