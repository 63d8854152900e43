/**
 * One handler per protocol event. Each is rate-limited, validates its payload against the shared
 * schemas, acts on the room registry, and answers through the acknowledgement with `ok` or a typed
 * error. Every refusal is a strike against the connection (see abuse.ts); a connection that keeps
 * misbehaving, sends unknown events, or never joins a room is dropped.
 *
 * A connection that drops without leaving keeps its participant's place for a grace period (see
 * sessions.ts): a join presenting the resume token takes the place back under the same id.
 *
 * Everything about rooms and sessions is asked of the Directory (directory.ts), and every message
 * goes out through Socket.IO rooms (a participant's own, or its room's), never to a socket held
 * here: with several hosts sharing Redis, the participant may be connected to another one.
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
  type SfuAccess,
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
import { peerChannel, roomChannel, type Directory } from './directory';

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

/** SFU mode: who may use the media server follows who is in the room (janus/janusRooms.ts). */
export interface SfuAdmission {
  admit(peerId: string, room: string): Promise<SfuAccess>;
  dismiss(peerId: string): Promise<void>;
}

export interface ConnectionHandlerOptions {
  io: ParleyServer;
  directory: Directory;
  guard: AbuseGuard;
  gatekeeper: Gatekeeper;
  sfu?: SfuAdmission;
}

export interface ConnectionHandler {
  onConnection: (socket: ParleySocket) => void;
  /** A participant's grace period ended without its return (the directory says when). */
  expired: (peerId: string) => void;
  /** This host is stopping: connections it loses now keep their participants' places. */
  stop: () => void;
  /** Resolves once the work started by disconnects and expiries so far is done. */
  settled: () => Promise<void>;
}

export function createConnectionHandler({ io, directory, guard, gatekeeper, sfu }: ConnectionHandlerOptions): ConnectionHandler {
  let stopping = false;

  /** Ends a participation (left, removed, dropped for good): out of its room, the others told, its session gone. */
  async function depart(peerId: string, heldBy?: string): Promise<void> {
    const left = await directory.leave(peerId, heldBy);
    if (!left) return;
    await sfu?.dismiss(peerId);
    io.in(peerChannel(peerId)).socketsLeave(roomChannel(left.room));
    io.to(roomChannel(left.room)).emit('peer-left', { id: peerId });
  }

  const pending = new Set<Promise<void>>();
  /** For events that are nobody's request (a disconnect, an expiry): a failure is logged, not thrown. */
  const logged = (what: string, work: Promise<unknown>): void => {
    const tracked = work.then(
      () => undefined,
      (error: unknown) => console.error(`parley host: ${what} failed:`, error instanceof Error ? error.message : error),
    );
    pending.add(tracked);
    void tracked.finally(() => pending.delete(tracked));
  };

  const onConnection = (socket: ParleySocket): void => {
    const address = addressOf(socket.request, guard.trustProxy);
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
      void socket.join([peerChannel(peerId), roomChannel(room)]);
    };

    /**
     * Runs a request's work; if the directory fails (Redis unreachable), the request is answered
     * INTERNAL instead of hanging, and the server stays up.
     */
    const handled = <T>(reply: Reply<T>, work: () => Promise<void>): Promise<void> =>
      work().catch((error: unknown) => {
        console.error('parley host: a request failed:', error instanceof Error ? error.message : error);
        reply(fail('INTERNAL', 'The host could not do that just now; try again'));
      });
    /** One join at a time per connection: a second one sent before the first is answered is refused. */
    let joining = false;

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
      if (socket.data.peerId || joining) return reply(fail('ALREADY_IN_ROOM', 'Leave the current room before joining another'));
      if (socket.disconnected) return;
      joining = true;
      await handled(reply, async () => {
        // Coming back after a dropped connection: same id, same place, signals held meanwhile.
        const resumed = resumeToken === undefined ? undefined : await directory.resume(resumeToken, room, socket.id);
        if (resumeToken !== undefined && resumed) {
          // The connection it replaces (here or on another host) goes; its disconnect finds it no
          // longer holds the participant, so nobody is told anyone left.
          if (resumed.replaced) io.in(resumed.replaced).disconnectSockets(true);
          bind(resumed.peerId, room);
          reply(
            ok({
              selfId: resumed.peerId,
              room,
              peers: await directory.othersInRoom(resumed.peerId),
              resumeToken,
              resumed: true,
              isHost: resumed.isHost,
              locked: await directory.isLocked(room),
              sfu: await sfu?.admit(resumed.peerId, room),
            }),
          );
          for (const signal of resumed.held) socket.emit('signal', signal);
          socket.to(roomChannel(room)).emit('peer-returned', { id: resumed.peerId });
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
        const outcome = await directory.join({ id: peerId, name, room, isHost: admission.isHost }, socket.id, { passLock: admission.isHost });
        if (!outcome.ok) {
          const messages = { ROOM_FULL: `Room "${room}" is full`, ROOM_LOCKED: 'The host has locked the room', ALREADY_IN_ROOM: 'Already in a room' };
          return reply(fail(outcome.reason, messages[outcome.reason]));
        }
        if (socket.disconnected) return void (await directory.leave(peerId));
        let sfuAccess: SfuAccess | undefined;
        try {
          sfuAccess = await sfu?.admit(peerId, room);
        } catch (error) {
          // No way into the media server, so no place in the room: nobody is told of a newcomer
          // who could neither see nor be seen.
          await directory.leave(peerId);
          throw error;
        }
        bind(peerId, room);
        // The newcomer's prepared offer goes to the first participant present inside the
        // announcement, one round trip sooner than a signal after the acknowledgement; one away on
        // its grace period gets it on its return, as any signal.
        const offeredTo = offer ? outcome.peers[0]?.id : undefined;
        const announcement = admission.isHost ? { id: peerId, name, isHost: true } : { id: peerId, name };
        if (offeredTo) {
          socket.to(roomChannel(room)).except(peerChannel(offeredTo)).emit('peer-joined', announcement);
          io.to(peerChannel(offeredTo)).emit('peer-joined', { ...announcement, offer });
          if (!(await directory.isAttached(offeredTo))) await directory.hold(offeredTo, { from: peerId, payload: { kind: 'description', description: offer! } });
        } else {
          socket.to(roomChannel(room)).emit('peer-joined', announcement);
        }
        reply(
          ok({
            selfId: peerId,
            room,
            peers: outcome.peers,
            resumeToken: outcome.token,
            resumed: false,
            isHost: admission.isHost,
            locked: await directory.isLocked(room),
            offeredTo,
            sfu: sfuAccess,
          }),
        );
      });
      joining = false;
    });

    socket.on('leave', (ack: unknown) => {
      const reply = replier<null>(ack);
      if (!reply) return;
      const peerId = socket.data.peerId;
      if (!peerId) return reply(fail('NOT_IN_ROOM', 'Not in a room'));
      socket.data.peerId = undefined;
      void handled(reply, async () => {
        await depart(peerId);
        void socket.leave(peerChannel(peerId));
        expectJoin();
        reply(ok(null));
      });
    });

    socket.on('signal', async (request: unknown, ack: unknown) => {
      const reply = replier<null>(ack);
      if (!reply) return;
      const parsed = signalRequestSchema.safeParse(request);
      const from = socket.data.peerId;
      // With Redis both the limit and the route are a round trip: asked at once, not one by one.
      const route = parsed.success && from && parsed.data.to !== from ? directory.route(from, parsed.data.to) : undefined;
      route?.catch(() => undefined); // answered below; a refusal first must not leave it unhandled
      if (!(await guard.maySignal(address, socket.id))) return reply(fail('RATE_LIMITED', 'Too many messages; slow down'));
      if (!parsed.success) return reply(fail('BAD_REQUEST', describeIssue(parsed.error)));
      if (!from) return reply(fail('NOT_IN_ROOM', 'Join a room before signalling'));
      const { to, payload } = parsed.data;
      await handled(reply, async () => {
        // One answer for "no such peer" and "peer in another room": nothing leaks about other rooms.
        const where = route === undefined ? ({ to: 'unknown' } as const) : await route;
        // Dropped while this was looked up: its departure is (being) announced, and a signal from
        // it arriving after that would have the recipient answer someone gone.
        if (socket.disconnected) return;
        if (where.to === 'unknown') return reply(fail('UNKNOWN_PEER', 'No such peer in this room'));
        if (where.to === 'attached') {
          // Its connection here: straight to it. With Redis, a broadcast to its channel would also
          // go through the shared stream, to be read (and dropped) by every other host. Elsewhere,
          // or replaced meanwhile: through its channel, which reaches it on whichever host.
          const connection = io.sockets.sockets.get(where.connection);
          if (connection?.rooms.has(peerChannel(to))) connection.emit('signal', { from, payload });
          else io.to(peerChannel(to)).emit('signal', { from, payload });
        } else await directory.hold(to, { from, payload }); // it gets them on its return, if in time
        reply(ok(null));
      });
    });

    /** Host-only requests: answered NOT_HOST for anyone else. */
    const asHost = async <T>(reply: Reply<T>): Promise<string | undefined> => {
      const peerId = socket.data.peerId;
      if (!peerId) {
        reply(fail('NOT_IN_ROOM', 'Join a room first'));
        return undefined;
      }
      if (!(await directory.isHost(peerId))) {
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
      void handled(reply, async () => {
        const hostId = await asHost(reply);
        const room = hostId && (await directory.find(hostId))?.room;
        if (!hostId || !room) return;
        const state = { locked: await directory.setLocked(room, parsed.data.locked) };
        io.to(roomChannel(room)).except(peerChannel(hostId)).emit('room-state', state);
        reply(ok(state));
      });
    });

    socket.on('room:remove', (request: unknown, ack: unknown) => {
      const reply = replier<null>(ack);
      if (!reply) return;
      const parsed = roomRemoveSchema.safeParse(request);
      if (!parsed.success) return reply(fail('BAD_REQUEST', describeIssue(parsed.error)));
      void handled(reply, async () => {
        const hostId = await asHost(reply);
        if (!hostId) return;
        const { peerId } = parsed.data;
        if (peerId === hostId || !(await directory.inSameRoom(hostId, peerId))) return reply(fail('UNKNOWN_PEER', 'No such peer in this room'));
        await depart(peerId);
        // Its connection, here or on another host, learns why and goes; its disconnect finds no
        // participant left to end.
        io.to(peerChannel(peerId)).emit('farewell', { reason: 'removed-by-host' });
        io.in(peerChannel(peerId)).disconnectSockets(true);
        reply(ok(null));
      });
    });

    socket.on('disconnect', (reason) => {
      clearTimeout(joinDeadline);
      const peerId = socket.data.peerId;
      uncount();
      if (!peerId) return;
      logged(
        'ending a connection',
        (async () => {
          // Each step acts only if this connection still holds the participant: one replaced by a
          // resume (here or on another host, even while this runs) ends nothing.
          if (NETWORK_DROPS.has(reason) || stopping) await directory.detach(peerId, socket.id);
          // Closed on purpose, by the client (a leave) or by us (a misbehaving connection): no
          // place is kept, or dropped abusers could fill a room for the whole grace period.
          else await depart(peerId, socket.id);
        })(),
      );
    });
  };

  return {
    onConnection,
    expired: (peerId) => logged('ending an expired participation', depart(peerId)),
    stop: () => {
      stopping = true;
    },
    settled: async () => {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
