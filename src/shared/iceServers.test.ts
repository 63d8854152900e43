import { describe, expect, it } from 'vitest';
import { MAX_ICE_SERVERS, parseIceServers } from './iceServers';

describe('STUN/TURN settings', () => {
  it('are empty by default: nothing leaves the local network', () => {
    expect(parseIceServers('')).toEqual({ ok: true, servers: [], relayOnly: false });
    expect(parseIceServers('  \n \n')).toEqual({ ok: true, servers: [], relayOnly: false });
  });

  it('read STUN and TURN addresses, giving TURN its credentials', () => {
    expect(parseIceServers('stun:stun.example.org:3478\nturns:turn.example.org:5349?transport=tcp', 'ada', 's3cret')).toEqual({
      ok: true,
      relayOnly: false,
      servers: [
        { urls: 'stun:stun.example.org:3478' },
        { urls: 'turns:turn.example.org:5349?transport=tcp', username: 'ada', credential: 's3cret' },
      ],
    });
    expect(parseIceServers('stun:[fd00::1]:3478')).toMatchObject({ ok: true });
  });

  it('relay only needs a TURN server, and says so', () => {
    expect(parseIceServers('stun:stun.example.org', '', '', true)).toEqual({ ok: false, message: expect.stringContaining('Relay only needs a TURN server') });
    expect(parseIceServers('', '', '', true)).toMatchObject({ ok: false });
    expect(parseIceServers('turn:turn.example.org', 'ada', 's3cret', true)).toMatchObject({ ok: true, relayOnly: true });
  });

  it.each([
    ['a web address', 'https://stun.example.org'],
    ['a script', 'javascript:alert(1)'],
    ['a path', 'stun:example.org/x'],
    ['an impossible port', 'stun:example.org:70000'],
    ['TURN without credentials', 'turn:turn.example.org'],
    ['too many', Array.from({ length: MAX_ICE_SERVERS + 1 }, (_, i) => `stun:s${i}.example.org`).join('\n')],
  ])('refuse %s with a message', (_what, text) => {
    const result = parseIceServers(text);
    expect(result.ok).toBe(false);
  });
});
