import { describe, expect, it } from 'vitest';
import { gainFor } from './listening';

describe('the gain a voice is played at', () => {
  it('is the chosen volume, kept within 0–200%, and nothing when muted for me', () => {
    expect(gainFor({ volume: 1, mutedForMe: false })).toBe(1);
    expect(gainFor({ volume: 1.5, mutedForMe: false })).toBe(1.5);
    expect(gainFor({ volume: 7, mutedForMe: false })).toBe(2);
    expect(gainFor({ volume: -1, mutedForMe: false })).toBe(0);
    expect(gainFor({ volume: Number.NaN, mutedForMe: false })).toBe(1);
    expect(gainFor({ volume: 1.5, mutedForMe: true })).toBe(0);
  });
});
