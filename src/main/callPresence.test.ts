import { describe, expect, it, vi } from 'vitest';
import { IDLE_CALL } from '../shared/ipc';
import { CallPresence } from './callPresence';
import { standIn } from './testing/electron';

const inCall = { inCall: true, room: 'team', microphoneOn: true, cameraOn: true, participants: 2, unread: 0 };
const blockers = () => [...standIn.powerSaveBlocker.active.values()];

describe('the call main knows of', () => {
  it('keeps the display awake for exactly as long as the call', () => {
    const presence = new CallPresence({ powerSaveBlocker: standIn.powerSaveBlocker });
    expect(blockers()).toEqual([]);
    presence.update(inCall);
    expect(blockers()).toEqual(['prevent-display-sleep']);
    presence.update({ ...inCall, microphoneOn: false, participants: 3 }); // still one blocker
    expect(blockers()).toEqual(['prevent-display-sleep']);
    presence.update(IDLE_CALL);
    expect(blockers()).toEqual([]);
  });

  it('ends the call when the page is gone, and tells whoever follows it', () => {
    const presence = new CallPresence({ powerSaveBlocker: standIn.powerSaveBlocker });
    const seen = vi.fn();
    presence.onChange(seen);
    presence.update(inCall);
    presence.pageGone();
    expect(presence.current()).toEqual(IDLE_CALL);
    expect(blockers()).toEqual([]);
    expect(seen.mock.calls.map(([state]) => state.inCall)).toEqual([true, false]);
  });
});
