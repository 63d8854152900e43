import { describe, expect, it } from 'vitest';
import { formatInvite, MAX_INVITE_LENGTH, parseInvite } from './invite';

const FP = 'ab'.repeat(32);

describe('invite links', () => {
  it('round-trip: what the host makes, the joiner reads back exactly', () => {
    const invites = [
      { host: '192.168.1.20', port: 47100, room: 'team', fingerprint: FP, passcode: 'tea & biscuits?' },
      { host: 'fd00::20', port: 8443, room: 'Stand-up 2', fingerprint: FP },
      { host: 'studio.local', port: 1, room: 'Café 東京' },
    ];
    for (const invite of invites) expect(parseInvite(formatInvite(invite))).toEqual({ ok: true, invite });
  });

  it('accepts upper-case and colon-separated fingerprints, normalised', () => {
    const colons = FP.toUpperCase().match(/.{2}/g)!.join(':');
    const parsed = parseInvite(`parley://join?host=10.0.0.2&port=47100&room=team&fp=${colons}`);
    expect(parsed).toMatchObject({ ok: true, invite: { fingerprint: FP } });
  });

  it.each([
    ['another scheme', `https://join?host=10.0.0.2&port=47100&room=team`],
    ['javascript', `javascript:alert(1)//parley://join?host=a&port=1&room=b`],
    ['a file', 'file:///etc/passwd'],
    ['not a URL', 'join me at 10.0.0.2'],
    ['another action', 'parley://leave?host=10.0.0.2&port=47100&room=team'],
    ['a path', 'parley://join/x?host=10.0.0.2&port=47100&room=team'],
    ['credentials', 'parley://user:pw@join?host=10.0.0.2&port=47100&room=team'],
    ['no host', 'parley://join?port=47100&room=team'],
    ['a host with a path', 'parley://join?host=10.0.0.2/evil&port=47100&room=team'],
    ['a host with spaces', 'parley://join?host=a%20b&port=47100&room=team'],
    ['no port', 'parley://join?host=10.0.0.2&room=team'],
    ['port zero', 'parley://join?host=10.0.0.2&port=0&room=team'],
    ['port too big', 'parley://join?host=10.0.0.2&port=65536&room=team'],
    ['port not a number', 'parley://join?host=10.0.0.2&port=1e3&room=team'],
    ['no room', 'parley://join?host=10.0.0.2&port=47100'],
    ['a room with markup', 'parley://join?host=10.0.0.2&port=47100&room=%3Cscript%3E'],
    ['a damaged fingerprint', 'parley://join?host=10.0.0.2&port=47100&room=team&fp=abc'],
    ['a repeated part', 'parley://join?host=10.0.0.2&host=10.0.0.3&port=47100&room=team'],
    ['an absurd length', `parley://join?host=10.0.0.2&port=47100&room=team&x=${'a'.repeat(MAX_INVITE_LENGTH)}`],
    ['an over-long passcode', `parley://join?host=10.0.0.2&port=47100&room=team&passcode=${'p'.repeat(65)}`],
  ])('refuses %s with a message', (_what, link) => {
    const parsed = parseInvite(link);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10);
  });
});
