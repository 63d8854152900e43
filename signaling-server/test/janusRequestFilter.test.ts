/** What the host forwards to Janus from a participant's page, and how it rewrites it. */
import { describe, expect, it } from 'vitest';
import { filterClientRequest, MAX_JANUS_MESSAGE_BYTES, type FilterState } from '../src/janus/requestFilter';

const admission = { peerId: 'peer-ada', room: 'all-hands', janusRoom: 4242, token: 'ada-token' };
const SECRET = 'the-api-secret';
const filter = (message: unknown, state: FilterState = { sessions: 0, handles: 0 }) =>
  filterClientRequest(typeof message === 'string' ? message : JSON.stringify(message), admission, state, SECRET);

describe('Janus request filter', () => {
  it('a publisher join goes to its own room under its own token and Parley id, whatever it claimed', () => {
    const result = filter({
      janus: 'message',
      transaction: 't1',
      session_id: 1,
      handle_id: 2,
      body: { request: 'join', ptype: 'publisher', room: 4242, display: 'Grace', token: 'stolen', id: 7, secret: 'guess', record: true },
    });
    expect(result).toEqual({
      forward: { janus: 'message', transaction: 't1', session_id: 1, handle_id: 2, apisecret: SECRET, body: { request: 'join', ptype: 'publisher', room: 4242, token: 'ada-token', display: 'peer-ada' } },
    });
  });

  it('the API secret is always the host\'s; a client\'s own is replaced', () => {
    expect(filter({ janus: 'keepalive', transaction: 'k', apisecret: 'mine', session_id: 1 })).toEqual({ forward: { janus: 'keepalive', transaction: 'k', apisecret: SECRET, session_id: 1 } });
  });

  it('refuses other rooms, other plugins, administration, and malformed or oversized messages, saying which transaction', () => {
    const refusals = [
      { janus: 'message', transaction: 'a', body: { request: 'join', ptype: 'publisher', room: 1 } },
      { janus: 'message', transaction: 'b', body: { request: 'configure', room: 1 } },
      { janus: 'message', transaction: 'c', body: { request: 'join', ptype: 'listener', room: 4242 } },
      { janus: 'message', transaction: 'd', body: { request: 'rtp_forward', room: 4242 } },
      { janus: 'message', transaction: 'e', body: 'join' },
      { janus: 'attach', transaction: 'f', plugin: 'janus.plugin.echotest' },
      { janus: 'info', transaction: 'g' },
      { janus: 'create' },
    ];
    for (const message of refusals) expect(filter(message), JSON.stringify(message)).toMatchObject({ refuse: expect.any(String), transaction: (message as { transaction?: string }).transaction });
    expect(filter('{ not json')).toEqual({ refuse: 'Not JSON' });
    expect(filter('[]')).toEqual({ refuse: 'Not a Janus request' });
    expect(filter('x'.repeat(MAX_JANUS_MESSAGE_BYTES + 1))).toEqual({ refuse: 'Message too large' });
  });

  it('one session and three handles per connection', () => {
    const state: FilterState = { sessions: 0, handles: 0 };
    expect(filter({ janus: 'create', transaction: '1' }, state)).toHaveProperty('forward');
    expect(filter({ janus: 'create', transaction: '2' }, state)).toHaveProperty('refuse');
    for (let i = 0; i < 3; i++) expect(filter({ janus: 'attach', transaction: `h${i}`, plugin: 'janus.plugin.videoroom' }, state)).toHaveProperty('forward');
    expect(filter({ janus: 'attach', transaction: 'h4', plugin: 'janus.plugin.videoroom' }, state)).toHaveProperty('refuse');
  });
});
