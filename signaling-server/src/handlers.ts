/**
 * One handler per protocol event. Each validates its payload against the shared schemas, acts on
 * the room registry, and answers through the acknowledgement with `ok` or a typed error.
 * A request without an acknowledgement callback cannot be answered and is ignored.
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
import type { RoomRegistry } from './rooms';

interface SocketData {
  peerId?: string;
}

export type ParleyServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ParleySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

type Reply<T> = (result: Ack<T>) => void;

/** Socket.IO room names are namespaced so a Parley room can never collide with a socket id. */
const channelOf = (room: string): string => `room:${room}`;

function asReply<T>(candidate: unknown): Reply<T> | undefined {
  return typeof candidate === 'function' ? (candidate as Reply<T>) : undefined;
}

/** Returns the connection handler for one server; all its connections share one peer→socket map. */
export function createConnectionHandler(registry: RoomRegistry): (socket: ParleySocket) => void {
  const socketsByPeer = new Map<string, ParleySocket>();

  return (socket) => {
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

    socket.on('join', (request: unknown, ack: unknown) => {
      const reply = asReply<JoinResult>(ack);
      if (!reply) return;
      const parsed = joinRequestSchema.safeParse(request);
      if (!parsed.success) return reply(fail('BAD_REQUEST', describeIssue(parsed.error)));
      const { room, name, protocolVersion } = parsed.data;
      if (protocolVersion !== PROTOCOL_VERSION) {
        return reply(
          fail('VERSION_MISMATCH', `This host speaks protocol ${PROTOCOL_VERSION}, the client ${protocolVersion}`),
        );
      }
      if (socket.data.peerId) return reply(fail('ALREADY_IN_ROOM', 'Leave the current room before joining another'));

      // Ids come from the server, never the client, so nobody can claim to be someone else.
      const peerId = randomUUID();
      const outcome = registry.join({ id: peerId, name, room });
      if (!outcome.ok) {
        const message = outcome.reason === 'ROOM_FULL' ? `Room "${room}" is full` : 'Already in a room';
        return reply(fail(outcome.reason, message));
      }
      socket.data.peerId = peerId;
      socketsByPeer.set(peerId, socket);
      void socket.join(channelOf(room));
      socket.to(channelOf(room)).emit('peer-joined', { id: peerId, name });
      reply(ok({ selfId: peerId, room, peers: outcome.peers }));
    });

    socket.on('leave', (ack: unknown) => {
      const reply = asReply<null>(ack);
      if (!reply) return;
      if (!socket.data.peerId) return reply(fail('NOT_IN_ROOM', 'Not in a room'));
      leaveRoom();
      reply(ok(null));
    });

    socket.on('signal', (request: unknown, ack: unknown) => {
      const reply = asReply<null>(ack);
      if (!reply) return;
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

    socket.on('disconnect', leaveRoom);
  };
}
