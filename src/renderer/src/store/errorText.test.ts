/** A failure's words come from its code; a code without words of its own shows its detail in a generic sentence. */
import { describe, expect, it } from 'vitest';
import { describeFailure, failedAttempt } from './errorText';

describe('failure messages', () => {
  it('words a known code with its own sentence', () => {
    expect(describeFailure('ROOM_FULL', 'room is full (8)')).toEqual({ key: 'errors.roomFull', values: { detail: 'room is full (8)' } });
  });

  it('falls back to the generic sentence, carrying the detail', () => {
    expect(describeFailure('INTERNAL', 'boom')).toEqual({ key: 'errors.unknown', values: { detail: 'boom' } });
  });

  it('keeps code and detail, and takes better words when the attempt has them', () => {
    expect(failedAttempt('BAD_REQUEST', 'Room name is empty', { key: 'errors.form.roomEmpty' })).toEqual({
      phase: 'idle',
      error: { code: 'BAD_REQUEST', detail: 'Room name is empty', message: { key: 'errors.form.roomEmpty' } },
    });
  });
});
