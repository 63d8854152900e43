/**
 * Who is where: the rooms, the participants in them, and each participant's session (resume
 * token, host flag, the connection that holds it, signals held while it is away). The connection
 * handler (handlers.ts) asks only this, so the same handler runs one host from memory
 * (MemoryDirectory, the default) or many hosts sharing Redis (redisDirectory.ts).
 *
 * Connections are named by their Socket.IO id, never held: a participant's connection may be on
 * another host, and messages reach it through its own Socket.IO room (`peerChannel`), which the
 * adapter carries between hosts.
 */
import type { PeerInfo, RelayedSignal } from '../../src/shared/protocol';
import { RoomRegistry, type JoinOutcome, type Participant } from './rooms';
import { SessionTable } from './sessions';

export type { Participant, JoinOutcome } from './rooms';

export interface Resumed {
  peerId: string;
  isHost: boolean;
  /** The connection it replaces, if the server had not yet noticed that one drop. */
  replaced: string | undefined;
  held: RelayedSignal[];
}

/** Where a signal goes (Directory.route). */
export type SignalRoute = { to: 'unknown' } | { to: 'away' } | { to: 'attached'; connection: string };

export interface Directory {
  /** Ready to serve (a shared store reached and this host announced); before listening. */
  start(): Promise<void>;
  /** Admits a participant (capacity and lock checked at once) and opens its session: its resume token. */
  join(participant: Participant, connection: string, options: { passLock: boolean }): Promise<({ ok: true; token: string } & Extract<JoinOutcome, { ok: true }>) | Extract<JoinOutcome, { ok: false }>>;
  /**
   * Ends a participation: out of its room, session gone. Returns who it was, if anyone. With
   * `heldBy`, only if that connection still holds it: a connection closing just as a resume hands
   * the participant to another must not end it (checked and done in one step).
   */
  leave(peerId: string, heldBy?: string): Promise<Participant | undefined>;
  find(peerId: string): Promise<Participant | undefined>;
  othersInRoom(peerId: string): Promise<PeerInfo[]>;
  inSameRoom(a: string, b: string): Promise<boolean>;
  /**
   * Where a signal from `from` to `to` goes, in one look: nowhere (not in one room), to its
   * connection (whose Socket.IO id this is, on whichever host), or into its held signals (it is
   * away on its grace period).
   */
  route(from: string, to: string): Promise<SignalRoute>;
  setLocked(room: string, locked: boolean): Promise<boolean>;
  isLocked(room: string): Promise<boolean>;
  /** The participant whose session this token resumes, if it is still in `room`. */
  resume(token: string, room: string, connection: string): Promise<Resumed | undefined>;
  /** The connection dropped without leaving: the place is kept for the grace period, then `onExpired`. */
  detach(peerId: string, connection: string): Promise<void>;
  /** Whether the participant has a connection now; if not, signals for it are to be held. */
  isAttached(peerId: string): Promise<boolean>;
  hold(to: string, signal: RelayedSignal): Promise<void>;
  isHost(peerId: string): Promise<boolean>;
  /** Grace timers stopped, connections to shared stores closed: the server is closing. */
  close(): Promise<void>;
}

/** The Socket.IO room every connection of a participant joins: messages for it go there. */
export const peerChannel = (peerId: string): string => `peer:${peerId}`;
/** Socket.IO room names are namespaced so a Parley room can never collide with a socket id. */
export const roomChannel = (room: string): string => `room:${room}`;

/** One host's rooms, in this process's memory: what the desktop app and a lone headless host use. */
export class MemoryDirectory implements Directory {
  private readonly registry: RoomRegistry;
  private readonly sessions: SessionTable<string>;

  constructor(capacity: number, graceMs: number, onExpired: (peerId: string) => void) {
    this.registry = new RoomRegistry(capacity);
    this.sessions = new SessionTable<string>(graceMs, onExpired);
  }

  async start() {}

  async join(participant: Participant, connection: string, options: { passLock: boolean }) {
    const outcome = this.registry.join(participant, options);
    if (!outcome.ok) return outcome;
    return { ...outcome, token: this.sessions.open(participant.id, connection, participant.isHost === true) };
  }

  async leave(peerId: string, heldBy?: string): Promise<Participant | undefined> {
    if (heldBy !== undefined && this.sessions.socketOf(peerId) !== heldBy) return undefined;
    const left = this.registry.leave(peerId);
    this.sessions.end(peerId);
    return left;
  }

  async find(peerId: string) {
    return this.registry.find(peerId);
  }

  async othersInRoom(peerId: string) {
    return this.registry.othersInRoom(peerId);
  }

  async inSameRoom(a: string, b: string) {
    return this.registry.inSameRoom(a, b);
  }

  async route(from: string, to: string): Promise<SignalRoute> {
    if (!this.registry.inSameRoom(from, to)) return { to: 'unknown' };
    const connection = this.sessions.socketOf(to);
    return connection === undefined ? { to: 'away' } : { to: 'attached', connection };
  }

  async setLocked(room: string, locked: boolean) {
    this.registry.setLocked(room, locked);
    return this.registry.isLocked(room);
  }

  async isLocked(room: string) {
    return this.registry.isLocked(room);
  }

  async resume(token: string, room: string, connection: string) {
    const peerId = this.sessions.peerOf(token);
    if (peerId === undefined || this.registry.find(peerId)?.room !== room) return undefined;
    return this.sessions.resume(token, connection);
  }

  async detach(peerId: string, connection: string) {
    this.sessions.detach(peerId, connection);
  }

  async isAttached(peerId: string) {
    return this.sessions.socketOf(peerId) !== undefined;
  }

  async hold(to: string, signal: RelayedSignal) {
    this.sessions.hold(to, signal);
  }

  async isHost(peerId: string) {
    return this.sessions.isHost(peerId);
  }

  async close() {
    this.sessions.clear();
  }
}
