/**
 * The plain field rules (fieldRules.ts) and the zod schemas built from the same patterns
 * (protocol.fields.ts) must give the same verdict and the same value for every input: the invite
 * link is read with the first, the join with the second.
 */
import { describe, expect, it } from 'vitest';
import { readPasscode, readRoomName } from './fieldRules';
import { LIMITS } from './protocol';
import { passcodeSchema, roomNameSchema } from './protocol.fields';

const verdict = (result: { success: boolean; data?: string }): string | undefined => (result.success ? result.data : undefined);

const ROOM_NAMES = [
  'team',
  '  team  ',
  'Team 2.0_west-wing',
  '会议室',
  '會議室 一',
  '',
  '   ',
  '-team',
  ' .team',
  'team/room',
  'team\u0000',
  'team\nroom',
  'x'.repeat(LIMITS.roomName.max),
  'x'.repeat(LIMITS.roomName.max + 1),
  ` ${'x'.repeat(LIMITS.roomName.max)} `,
  '😀team',
];

const PASSCODES = ['', ' ', 'secret', '  spaced  ', '密码', 'x'.repeat(LIMITS.passcode.max), 'x'.repeat(LIMITS.passcode.max + 1)];

describe('the field rules without zod', () => {
  it.each(ROOM_NAMES)('room name %j: the same verdict and value as roomNameSchema', (text) => {
    expect(readRoomName(text)).toBe(verdict(roomNameSchema.safeParse(text)));
  });

  it.each(PASSCODES)('passcode %j: the same verdict and value as passcodeSchema', (text) => {
    expect(readPasscode(text)).toBe(verdict(passcodeSchema.safeParse(text)));
  });

  it('accepts and refuses what the rules say (the sample is not all one verdict)', () => {
    expect(readRoomName('  team  ')).toBe('team');
    expect(readRoomName('team/room')).toBeUndefined();
    expect(readPasscode('x'.repeat(LIMITS.passcode.max + 1))).toBeUndefined();
  });
});
