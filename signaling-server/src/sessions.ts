/**
 * Who is behind each participant id, and what happens when their connection drops.
 *
 * A dropped connection does not end a participation at once: the participant keeps its id and
 * place for a grace period, signals addressed to it are held, and a new connection presenting the
 * participant's resume token takes over. The others never see it leave, so the peer connections
 * that still carry media are not torn down. Only when the grace period ends is it gone for good.
 *
 * Generic over the socket type so it is unit-testable without Socket.IO.
 */
import { randomBytes } from 'node:crypto';
import type { RelayedSignal } from '../../src/shared/protocol';
import { SignalBacklog } from '../../src/shared/signalBacklog';

interface Session<S> {
  peerId: string;
  token: string;
  isHost: boolean;
  socket: S | undefined;
  graceTimer: NodeJS.Timeout | undefined;
  /** Signals for it while it is away, keyed by sender (see shared/signalBacklog.ts). */
  held: SignalBacklog<RelayedSignal>;
}

export class SessionTable<S> {
  private readonly byPeer = new Map<string, Session<S>>();
  private readonly peerByToken = new Map<string, string>();

  constructor(
    private readonly graceMs: number,
    /** Called when an absent participant's grace period ends. */
    private readonly onExpired: (peerId: string) => void,
  ) {}

  /** Starts a session for a newly admitted participant; returns its resume token. */
  open(peerId: string, socket: S, isHost: boolean): string {
    const token = randomBytes(24).toString('base64url');
    this.byPeer.set(peerId, { peerId, token, isHost, socket, graceTimer: undefined, held: new SignalBacklog((signal) => signal.from) });
    this.peerByToken.set(token, peerId);
    return token;
  }

  /**
   * Hands the session with this token to a new connection. Returns the participant, the connection
   * it replaces (if the server had not yet noticed that one drop) and the signals held meanwhile.
   */
  resume(token: string, socket: S): { peerId: string; isHost: boolean; replaced: S | undefined; held: RelayedSignal[] } | undefined {
    const peerId = this.peerByToken.get(token);
    const session = peerId === undefined ? undefined : this.byPeer.get(peerId);
    if (!session) return undefined;
    clearTimeout(session.graceTimer);
    session.graceTimer = undefined;
    const replaced = session.socket === socket ? undefined : session.socket;
    session.socket = socket;
    const held = session.held.drain();
    return { peerId: session.peerId, isHost: session.isHost, replaced, held };
  }

  /** The connection dropped without leaving: keep the place for the grace period. */
  detach(peerId: string, socket: S): void {
    const session = this.byPeer.get(peerId);
    // A connection that was already replaced by a resume must not detach its successor.
    if (!session || session.socket !== socket) return;
    session.socket = undefined;
    session.graceTimer = setTimeout(() => {
      this.end(peerId);
      this.onExpired(peerId);
    }, this.graceMs);
  }

  /** The participation is over (left, removed, expired): forget the token and held signals. */
  end(peerId: string): void {
    const session = this.byPeer.get(peerId);
    if (!session) return;
    clearTimeout(session.graceTimer);
    this.byPeer.delete(peerId);
    this.peerByToken.delete(session.token);
  }

  peerOf(token: string): string | undefined {
    return this.peerByToken.get(token);
  }

  socketOf(peerId: string): S | undefined {
    return this.byPeer.get(peerId)?.socket;
  }

  isHost(peerId: string): boolean {
    return this.byPeer.get(peerId)?.isHost ?? false;
  }

  /** Keeps a signal for an absent participant; stale ones give way to newer (see SignalBacklog). */
  hold(to: string, signal: RelayedSignal): void {
    this.byPeer.get(to)?.held.push(signal);
  }

  /** Stops every grace timer (the server is closing). */
  clear(): void {
    for (const session of this.byPeer.values()) clearTimeout(session.graceTimer);
    this.byPeer.clear();
    this.peerByToken.clear();
  }
}
