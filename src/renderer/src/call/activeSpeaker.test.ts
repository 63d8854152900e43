import { describe, expect, it } from 'vitest';
import { pickActiveSpeaker } from './activeSpeaker';

describe('pickActiveSpeaker', () => {
  it('picks the loudest above the floor, nobody in silence', () => {
    expect(pickActiveSpeaker({ ada: 0.2, grace: 0.05, linus: 0 }, null)).toBe('ada');
    expect(pickActiveSpeaker({ ada: 0.001, grace: 0 }, 'ada')).toBeNull();
  });

  it('keeps the current speaker unless someone is clearly louder', () => {
    expect(pickActiveSpeaker({ ada: 0.1, grace: 0.12 }, 'ada')).toBe('ada');
    expect(pickActiveSpeaker({ ada: 0.1, grace: 0.2 }, 'ada')).toBe('grace');
    expect(pickActiveSpeaker({ ada: 0, grace: 0.05 }, 'ada')).toBe('grace');
  });
});
