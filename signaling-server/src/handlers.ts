/**
 * One handler per protocol event. Each is rate-limited, validates its payload against the shared
 * schemas, acts on the room registry, and answers through the acknowledgement with `ok` or a typed
 * error. Every refusal is a strike against the connection (see abuse.ts); a connection that keeps
 * misbehaving, sends unknown events, or never joins a room is dropped.
 */
import { randomUUID } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import {
  fail,
  ok,
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type JoinResult,
  type ServerToClientEvents,
} from '../../src/shared/protocol';
import { describeIssue, joinRequestSchema, signalRequestSchema } from '../../src/shared/protocol.schemas';
import { addressOf, StrikeCounter, type AbuseGuard } from './abuse';
import type { RoomRegistry } from './rooms';

interface SocketData {
  peerId?: string;
}

export type ParleyServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ParleySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

type Reply<T> = (result: Ack<T>) => void;

const KNOWN_EVENTS = new Set<string>(['join', 'leave', 'signal']);

/** Socket.IO room names are namespaced so a Parley room can never collide with a socket id. */
const channelOf = (room: string): string => `room:${room}`;

/** Returns the connection handler for one server; all its connections share one peer→socket map. */
export function createConnectionHandler(registry: RoomRegistry, guard: AbuseGuard): (socket: ParleySocket) => void {
  const socketsByPeer = new Map<string, ParleySocket>();

  return (socket) => {
    const address = addressOf(socket.request);
    const uncount = guard.opened(address);
    const strikes = new StrikeCounter(guard.limits.strikesBeforeDisconnect, () => socket.disconnect(true));

    // A connection must join a room soon after connecting (and again soon after leaving one).
    let joinDeadline: NodeJS.Timeout | undefined;
    const expectJoin = (): void => {
      clearTimeout(joinDeadline);
      joinDeadline = setTimeout(() => {
        if (!socket.data.peerId) socket.disconnect(true);
      }, guard.limits.joinTimeoutMs);
    };
    expectJoin();

    /** Wraps a reply so that refusals count as strikes and successes forgive them. */
    const replier = <T>(ack: unknown): Reply<T> | undefined => {
      if (typeof ack !== 'function') {
        strikes.strike(); // a request that cannot be answered is not an honest client's
        return undefined;
      }
      return (result) => {
        if (result.ok) strikes.forgive();
        else strikes.strike();
        (ack as Reply<T>)(result);
      };
    };

    const leaveRoom = (): void => {
      const peerId = socket.data.peerId;
      if (!peerId) return;
      socket.data.peerId = undefined;
      socketsByPeer.delete(peerId);
      const left = registry.leave(peerId);
      if (!left) return;
      void socket.leave(channelOf(left.room));
      socket.to(channelOf(left.room)).emit('peer-left', { id: peerId });
    };

    socket.onAny((event: string) => {
      if (!KNOWN_EVENTS.has(event)) strikes.strike();
    });

    socket.on('join', async (request: unknown, ack: unknown) => {
      const reply = replier<JoinResult>(ack);
      if (!reply) return;
      if (!(await guard.mayJoin(address))) return reply(fail('RATE_LIMITED', 'Too many join attempts; wait a minute'));
      const parsed = joinRequestSchema.safeParse(request);
      if (!parsed.success) return reply(fail('BAD_REQUEST', describeIssue(parsed.error)));
      const { room, name, protocolVersion } = parsed.data;
      if (protocolVersion !== PROTOCOL_VERSION) {
        return reply(fail('VERSION_MISMATCH', `This host speaks protocol ${PROTOCOL_VERSION}, the client ${protocolVersion}`));
      }
      if (socket.data.peerId) return reply(fail('ALREADY_IN_ROOM', 'Leave the current room before joining another'));
      if (socket.disconnected) return;

      // Ids come from the server, never the client, so nobody can claim to be someone else.
      const peerId = randomUUID();
      const outcome = registry.join({ id: peerId, name, room });
      if (!outcome.ok) {
        const message = outcome.reason === 'ROOM_FULL' ? `Room "${room}" is full` : 'Already in a room';
        return reply(fail(outcome.reason, message));
      }
      clearTimeout(joinDeadline);
      socket.data.peerId = peerId;
      socketsByPeer.set(peerId, socket);
      void socket.join(channelOf(room));
      socket.to(channelOf(room)).emit('peer-joined', { id: peerId, name });
      reply(ok({ selfId: peerId, room, peers: outcome.peers }));
    });

    socket.on('leave', (ack: unknown) => {
      const reply = replier<null>(ack);
      if (!reply) return;
      if (!socket.data.peerId) return reply(fail('NOT_IN_ROOM', 'Not in a room'));
      leaveRoom();
      expectJoin();
      reply(ok(null));
    });

    socket.on('signal', async (request: unknown, ack: unknown) => {
      const reply = replier<null>(ack);
      if (!reply) return;
      if (!(await guard.maySignal(address, socket.id))) return reply(fail('RATE_LIMITED', 'Too many messages; slow down'));
      const parsed = signalRequestSchema.safeParse(request);
      if (!parsed.success) return reply(fail('BAD_REQUEST', describeIssue(parsed.error)));
      const from = socket.data.peerId;
      if (!from) return reply(fail('NOT_IN_ROOM', 'Join a room before signalling'));
      const { to, payload } = parsed.data;
      // One answer for "no such peer" and "peer in another room": nothing leaks about other rooms.
      const target = socketsByPeer.get(to);
      if (!target || to === from || !registry.inSameRoom(from, to)) {
        return reply(fail('UNKNOWN_PEER', 'No such peer in this room'));
      }
      target.emit('signal', { from, payload });
      reply(ok(null));
    });

    socket.on('disconnect', () => {
      clearTimeout(joinDeadline);
      leaveRoom();
      uncount();
    });
  };
}
