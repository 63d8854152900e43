/**
 * Hostile clients for the abuse test: real Socket.IO connections from other loopback addresses
 * (so they look like other machines) that send malformed, oversized, out-of-room, forged and
 * flooding requests, reconnecting whenever the server drops them. Bounded in count and time.
 */
import { io, type Socket } from 'socket.io-client';
import { ERROR_CODES, LIMITS, PROTOCOL_VERSION } from '../src/shared/protocol';

export type AttackKind = 'malformed' | 'oversized' | 'out-of-room' | 'forged' | 'flood';

export interface AttackTally {
  sent: number;
  /** Requests answered with a typed error (code → count). */
  refused: Record<string, number>;
  /** Valid-looking signals the server relayed before the flood limit stopped them. */
  accepted: number;
  /** Answers that were neither ok nor a known error code: must stay 0. */
  untyped: number;
  /** Requests left unanswered because the server dropped their connection. */
  unansweredOnDrop: number;
  drops: number;
}

type Raw = Socket & { timeout(ms: number): { emit(event: string, ...args: unknown[]): void } };

const junk = (i: number): unknown => [null, 42, 'hello', [1, 2], { to: i }, { payload: {} }, { to: 'x', payload: { kind: 'sdp', sdp: 'v=0' } }][i % 7]!;

function requestFor(kind: AttackKind, i: number, victims: string[]): [string, unknown] {
  const victim = victims[i % Math.max(1, victims.length)] ?? 'nobody';
  switch (kind) {
    case 'malformed':
      return [i % 3 === 0 ? 'join' : 'signal', junk(i)];
    case 'oversized':
      return ['signal', { to: victim, payload: { kind: 'description', description: { type: 'offer', sdp: 'x'.repeat(LIMITS.packetBytes + 1) } } }];
    case 'out-of-room':
      return ['signal', { to: victim, payload: { kind: 'candidate', candidate: null } }];
    case 'forged':
      return i % 2 === 0
        ? ['signal', { to: victim, from: victim, payload: { kind: 'candidate', candidate: null } }]
        : ['join', { room: 'team', name: 'Ada', protocolVersion: PROTOCOL_VERSION, id: victim }];
    case 'flood':
      return ['signal', { to: victim, payload: { kind: 'candidate', candidate: null } }];
  }
}

// Only the attacks that need to name the honest peers sit in their room (and take seats there).
const ROOM_OF: Record<AttackKind, string | null> = { malformed: null, oversized: 'elsewhere', 'out-of-room': 'elsewhere', forged: 'team', flood: 'team' };

export async function attack(url: string, victims: () => string[], options: { total: number; seconds: number }): Promise<AttackTally> {
  const tally: AttackTally = { sent: 0, refused: {}, accepted: 0, untyped: 0, unansweredOnDrop: 0, drops: 0 };
  const deadline = Date.now() + options.seconds * 1000;
  const kinds: AttackKind[] = ['malformed', 'oversized', 'out-of-room', 'forged', 'flood', 'malformed', 'flood', 'forged'];

  // Each attacker has its own share, so a slow one (say, one whose joins are being refused) still
  // sends all of its kind instead of finding the total already reached by the fast ones.
  const share = Math.ceil(options.total / kinds.length);
  const run = async (kind: AttackKind, address: string): Promise<void> => {
    let sentByThis = 0;
    while (sentByThis < share && Date.now() < deadline) {
      const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, localAddress: address } as Parameters<typeof io>[1]) as Raw;
      const open = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      if (!open) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      const room = ROOM_OF[kind];
      if (room) await new Promise((resolve) => socket.timeout(3000).emit('join', { room, name: 'Mallory', protocolVersion: PROTOCOL_VERSION }, resolve));

      // Out-of-room requests come in batches below the strike limit, so each one is answered
      // (UNKNOWN_PEER) rather than cut short by the drop that a longer run of refusals earns.
      const batch = kind === 'oversized' ? 1 : kind === 'out-of-room' ? 40 : 250;
      const answers: Promise<void>[] = [];
      for (let i = 0; i < batch && sentByThis < share; i++) {
        const [event, payload] = requestFor(kind, tally.sent, victims());
        tally.sent++;
        sentByThis++;
        answers.push(
          new Promise<void>((resolve) =>
            socket.timeout(3000).emit(event, payload, (error: Error | null, answer?: { ok: boolean; error?: { code: string } }) => {
              if (error || !answer) tally.unansweredOnDrop++;
              else if (answer.ok) tally.accepted++;
              else if (answer.error && (ERROR_CODES as readonly string[]).includes(answer.error.code)) {
                tally.refused[answer.error.code] = (tally.refused[answer.error.code] ?? 0) + 1;
              } else tally.untyped++;
              resolve();
            }),
          ),
        );
      }
      await Promise.all(answers);
      if (socket.disconnected) tally.drops++;
      socket.disconnect();
    }
  };

  await Promise.all(kinds.map((kind, i) => run(kind, `127.0.0.${i + 2}`)));
  return tally;
}
