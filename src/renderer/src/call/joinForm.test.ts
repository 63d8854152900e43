/** Each problem of the join form comes back as its own catalog message, whatever the schema's English says. */
import { describe, expect, it } from 'vitest';
import { checkJoinForm } from './joinForm';

const form = { room: 'team', displayName: 'Ada', passcode: '', iceServersText: '', turnUsername: '', turnCredential: '', relayOnly: false };

describe('checkJoinForm', () => {
  it('passes a good form on, trimmed, with no passcode when none is typed', () => {
    expect(checkJoinForm({ ...form, room: ' team ' })).toEqual({ ok: true, form: { room: 'team', name: 'Ada', passcode: undefined, ice: { servers: [], relayOnly: false } } });
  });

  it.each([
    [{ room: '' }, 'errors.form.roomEmpty'],
    [{ room: 'x'.repeat(65) }, 'errors.form.roomTooLong'],
    [{ room: 'bad/room' }, 'errors.form.roomCharacters'],
    [{ displayName: '   ' }, 'errors.form.nameEmpty'],
    [{ displayName: 'x'.repeat(49) }, 'errors.form.nameTooLong'],
    [{ displayName: 'A\u0007da' }, 'errors.form.nameCharacters'],
    [{ passcode: 'x'.repeat(65) }, 'errors.form.passcodeTooLong'],
  ])('%o is told as %s, the schema’s sentence kept as the detail', (change, key) => {
    const checked = checkJoinForm({ ...form, ...change });
    expect(checked).toMatchObject({ ok: false, message: { key } });
    if (!checked.ok) expect(checked.detail).not.toBe('');
  });

  it('gives the limit to the sentences that name it', () => {
    expect(checkJoinForm({ ...form, room: 'x'.repeat(65) })).toMatchObject({ message: { values: { max: 64 } } });
  });

  it('puts a STUN/TURN problem inside its own sentence', () => {
    const checked = checkJoinForm({ ...form, iceServersText: 'nonsense' });
    expect(checked).toMatchObject({ ok: false, message: { key: 'errors.iceServers' } });
    expect(checked.ok ? undefined : checked.message.values?.['detail']).toMatch(/is not a STUN or TURN address/);
  });
});
