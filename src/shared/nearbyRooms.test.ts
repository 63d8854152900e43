import { describe, expect, it } from 'vitest';
import { readNearbyRoom, roomTxt } from './nearbyRooms';

const FP = 'cd'.repeat(32);
const good = {
  fqdn: 'team on studio 47100._parley._tcp.local',
  host: 'studio.local',
  port: 47100,
  addresses: ['fe80::1', '192.168.1.20'],
  referer: { address: '192.168.1.20' },
  txt: roomTxt('team', true, FP),
};

describe('reading an advertised room', () => {
  it('lists a well-formed advertisement with its passcode flag and fingerprint', () => {
    expect(readNearbyRoom(good)).toEqual({
      id: good.fqdn,
      room: 'team',
      host: '192.168.1.20',
      port: 47100,
      passcodeRequired: true,
      fingerprint: FP,
      hostName: 'studio',
    });
    expect(readNearbyRoom({ ...good, txt: roomTxt('team', false, null) })).toMatchObject({ passcodeRequired: false, fingerprint: null });
  });

  it.each([
    ['another protocol version', { txt: { ...good.txt, v: '99' } }],
    ['a room name with markup', { txt: { ...good.txt, room: '<img src=x>' } }],
    ['a strange passcode flag', { txt: { ...good.txt, pc: 'yes' } }],
    ['a damaged fingerprint', { txt: { ...good.txt, fp: 'abc' } }],
    ['no TXT at all', { txt: undefined }],
    ['a port out of range', { port: 70000 }],
    ['no usable address', { addresses: ['not an address/../'], referer: undefined }],
    ['an absurd name', { fqdn: 'x'.repeat(300) }],
  ])('ignores %s', (_what, change) => {
    expect(readNearbyRoom({ ...good, ...change })).toBeUndefined();
  });
});
