/**
 * One handler per protocol event. Each is rate-limited, validates its payload against the shared
 * schemas, acts on the room registry, and answers through the acknowledgement with `ok` or a typed
 * error. Every refusal is a strike against the connection (see abuse.ts); a connection that keeps
 * misbehaving, sends unknown events, or never joins a room is dropped.
 *
 * A connection that drops without leaving keeps its participant's place for a grace period (see
 * sessions.ts): a join presenting the resume token takes the place back under the same id.
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
  type RoomState,
  type ServerToClientEvents,
} from '../../src/shared/protocol';
import {
  describeIssue,
  joinRequestSchema,
  roomLockSchema,
  roomRemoveSchema,
  signalRequestSchema,
} from '../../src/shared/protocol.schemas';
import { addressOf, StrikeCounter, type AbuseGuard } from './abuse';
import type { Gatekeeper } from './admission';
import type { RoomRegistry } from './rooms';
import { SessionTable } from './sessions';

interface SocketData {
  peerId?: string;
}

export type ParleyServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ParleySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

type Reply<T> = (result: Ack<T>) => void;

const KNOWN_EVENTS = new Set<string>(['join', 'leave', 'signal', 'room:lock', 'room:remove']);

/**
 * Disconnect reasons that mean the network failed, not that anyone chose to end the connection.
 * Not 'transport error': that is how a protocol violation ends (an oversized packet, a broken
 * frame), and a connection dropped for one must not keep a seat for the grace period.
 */
const NETWORK_DROPS = new Set<string>(['transport close', 'ping timeout']);

/** Socket.IO room names are namespaced so a Parley room can never collide with a socket id. */
const channelOf = (room: string): string => `room:${room}`;

export interface ConnectionHandlerOptions {
  registry: RoomRegistry;
  guard: AbuseGuard;
  gatekeeper: Gatekeeper;
  resumeGraceMs: number;
}

export interface ConnectionHandler {
  onConnection: (socket: ParleySocket) => void;
  /** Stops the grace timers; the server is closing. */
  dispose: () => void;
}

export function createConnectionHandler({ registry, guard, gatekeeper, resumeGraceMs }: ConnectionHandlerOptions): ConnectionHandler {
  const sessions = new SessionTable<ParleySocket>(resumeGraceMs, (peerId) => depart(peerId));

  /** Ends a participation (left, removed, dropped for good): out of its room, the others told, its session gone. */
  function depart(peerId: string): void {
    const left = registry.leave(peerId);
    if (left) {
      sessions.socketOf(peerId)?.leave(channelOf(left.room));
      broadcastToRoom(left.room, (socket) => socket.emit('peer-left', { id: peerId }));
    }
    sessions.end(peerId);
  }

  function broadcastToRoom(room: string, send: (socket: ParleySocket, peerId: string) => void, except?: string): void {
    for (const id of registry.memberIds(room)) {
      if (id === except) continue;
      const socket = sessions.socketOf(id);
      if (socket) send(socket, id);
    }
  }

  const onConnection = (socket: ParleySocket): void => {
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

    /** Binds this connection to a participant: its events now reach this socket. */
    const bind = (peerId: string, room: string): void => {
      clearTimeout(joinDeadline);
      socket.data.peerId = peerId;
      void socket.join(channelOf(room));
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
      const { room, name, protocolVersion, passcode, hostKey, resumeToken, offer } = parsed.data;
      if (protocolVersion !== PROTOCOL_VERSION) {
        return reply(fail('VERSION_MISMATCH', `This host speaks protocol ${PROTOCOL_VERSION}, the client ${protocolVersion}`));
      }
      if (socket.data.peerId) return reply(fail('ALREADY_IN_ROOM', 'Leave the current room before joining another'));
      if (socket.disconnected) return;

      // Coming back after a dropped connection: same id, same place, signals held meanwhile.
      const returning = resumeToken === undefined ? undefined : sessions.peerOf(resumeToken);
      const resumed =
        resumeToken !== undefined && returning !== undefined && registry.find(returning)?.room === room
          ? sessions.resume(resumeToken, socket)
          : undefined;
      if (resumeToken !== undefined && resumed) {
        if (resumed.replaced) {
          resumed.replaced.data.peerId = undefined;
          resumed.replaced.disconnect(true);
        }
        bind(resumed.peerId, room);
        reply(
          ok({
            selfId: resumed.peerId,
            room,
            peers: registry.othersInRoom(resumed.peerId),
            resumeToken,
            resumed: true,
            isHost: resumed.isHost,
            locked: registry.isLocked(room),
          }),
        );
        for (const signal of resumed.held) socket.emit('signal', signal);
        socket.to(channelOf(room)).emit('peer-returned', { id: resumed.peerId });
        return;
      }

      const admission = gatekeeper.admit(passcode, hostKey);
      if (!admission.admitted) {
        return reply(
          admission.reason === 'PASSCODE_REQUIRED'
            ? fail('PASSCODE_REQUIRED', 'This room needs a passcode')
            : fail('WRONG_PASSCODE', 'The passcode is not right'),
        );
      }

      // Ids come from the server, never the client, so nobody can claim to be someone else.
      const peerId = randomUUID();
      const outcome = registry.join({ id: peerId, name, room, isHost: admission.isHost }, { passLock: admission.isHost });
      if (!outcome.ok) {
        const messages = { ROOM_FULL: `Room "${room}" is full`, ROOM_LOCKED: 'The host has locked the room', ALREADY_IN_ROOM: 'Already in a room' };
        return reply(fail(outcome.reason, messages[outcome.reason]));
      }
      const token = sessions.open(peerId, socket, admission.isHost);
      bind(peerId, room);
      // The newcomer's prepared offer goes to the first participant present inside the
      // announcement, one round trip sooner than a signal after the acknowledgement; one away on
      // its grace period gets it on its return, as any signal.
      const offeredTo = offer ? outcome.peers[0]?.id : undefined;
      const announcement = admission.isHost ? { id: peerId, name, isHost: true } : { id: peerId, name };
      broadcastToRoom(room, (member, memberId) => member.emit('peer-joined', memberId === offeredTo ? { ...announcement, offer } : announcement), peerId);
      if (offer && offeredTo && !sessions.socketOf(offeredTo)) sessions.hold(offeredTo, { from: peerId, payload: { kind: 'description', description: offer } });
      reply(
        ok({
          selfId: peerId,
          room,
          peers: outcome.peers,
          resumeToken: token,
          resumed: false,
          isHost: admission.isHost,
          locked: registry.isLocked(room),
          offeredTo,
        }),
      );
    });

    socket.on('leave', (ack: unknown) => {
      const reply = replier<null>(ack);
      if (!reply) return;
      const peerId = socket.data.peerId;
      if (!peerId) return reply(fail('NOT_IN_ROOM', 'Not in a room'));
      socket.data.peerId = undefined;
      depart(peerId);
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
      if (to === from || !registry.inSameRoom(from, to)) {
        return reply(fail('UNKNOWN_PEER', 'No such peer in this room'));
      }
      const target = sessions.socketOf(to);
      // A peer whose connection dropped gets it on its return (if it returns in time).
      if (target) target.emit('signal', { from, payload });
      else sessions.hold(to, { from, payload });
      reply(ok(null));
    });

    /** Host-only requests: answered NOT_HOST for anyone else. */
    const asHost = <T>(reply: Reply<T>): string | undefined => {
      const peerId = socket.data.peerId;
      if (!peerId) {
        reply(fail('NOT_IN_ROOM', 'Join a room first'));
        return undefined;
      }
      if (!sessions.isHost(peerId)) {
        reply(fail('NOT_HOST', 'Only the host can do that'));
        return undefined;
      }
      return peerId;
    };

    socket.on('room:lock', (request: unknown, ack: unknown) => {
      const reply = replier<RoomState>(ack);
      if (!reply) return;
      const parsed = roomLockSchema.safeParse(request);
      if (!parsed.success) return reply(fail('BAD_REQUEST', describeIssue(parsed.error)));
      const hostId = asHost(reply);
      const room = hostId && registry.find(hostId)?.room;
      if (!room) return;
      registry.setLocked(room, parsed.data.locked);
      const state = { locked: registry.isLocked(room) };
      broadcastToRoom(room, (member) => member.emit('room-state', state), hostId);
      reply(ok(state));
    });

    socket.on('room:remove', (request: unknown, ack: unknown) => {
      const reply = replier<null>(ack);
      if (!reply) return;
      const parsed = roomRemoveSchema.safeParse(request);
      if (!parsed.success) return reply(fail('BAD_REQUEST', describeIssue(parsed.error)));
      const hostId = asHost(reply);
      if (!hostId) return;
      const { peerId } = parsed.data;
      if (peerId === hostId || !registry.inSameRoom(hostId, peerId)) return reply(fail('UNKNOWN_PEER', 'No such peer in this room'));
      const target = sessions.socketOf(peerId);
      depart(peerId);
      if (target) {
        target.data.peerId = undefined;
        target.emit('farewell', { reason: 'removed-by-host' });
        target.disconnect(true);
      }
      reply(ok(null));
    });

    socket.on('disconnect', (reason) => {
      clearTimeout(joinDeadline);
      const peerId = socket.data.peerId;
      if (peerId && NETWORK_DROPS.has(reason)) {
        sessions.detach(peerId, socket);
      } else if (peerId) {
        // Closed on purpose, by the client (a leave) or by us (a misbehaving connection): no
        // place is kept, or dropped abusers could fill a room for the whole grace period.
        depart(peerId);
      }
      uncount();
    });
  };

  return { onConnection, dispose: () => sessions.clear() };
}
