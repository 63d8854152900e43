import { describe, expect, it } from 'vitest';
import { MAX_PEER_MESSAGE_BYTES, parsePeerMessage } from './peerMessages';

describe('parsePeerMessage', () => {
  it('accepts a media-state message', () => {
    const raw = JSON.stringify({ type: 'media-state', state: { audioMuted: true, videoOff: false } });
    expect(parsePeerMessage(raw)).toEqual({ type: 'media-state', state: { audioMuted: true, videoOff: false } });
  });

  it('accepts a view request, bounded', () => {
    const view = { type: 'view', view: { shown: 'thumbnail', width: 320, height: 240 } };
    expect(parsePeerMessage(JSON.stringify(view))).toEqual(view);
    expect(parsePeerMessage(JSON.stringify({ type: 'view', view: { shown: 'huge', width: 320, height: 240 } }))).toBeUndefined();
    expect(parsePeerMessage(JSON.stringify({ type: 'view', view: { shown: 'featured', width: 100_000, height: 240 } }))).toBeUndefined();
    expect(parsePeerMessage(JSON.stringify({ type: 'view', view: { shown: 'featured', width: 1.5, height: 240 } }))).toBeUndefined();
  });

  it.each([
    ['binary data', new ArrayBuffer(4)],
    ['not JSON', '{nope'],
    ['an unknown type', JSON.stringify({ type: 'take-over', state: {} })],
    ['a wrong field type', JSON.stringify({ type: 'media-state', state: { audioMuted: 'yes', videoOff: false } })],
    ['extra fields', JSON.stringify({ type: 'media-state', state: { audioMuted: true, videoOff: false, admin: true } })],
    ['an oversized message', JSON.stringify({ type: 'media-state', pad: 'x'.repeat(MAX_PEER_MESSAGE_BYTES) })],
  ])('ignores %s', (_label, raw) => {
    expect(parsePeerMessage(raw)).toBeUndefined();
  });
});
