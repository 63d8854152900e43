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

/** Enough for several ICE restarts' worth of candidates; an absent peer cannot cost more memory. */
export const MAX_HELD_SIGNALS = 256;

interface Session<S> {
  peerId: string;
  token: string;
  isHost: boolean;
  socket: S | undefined;
  graceTimer: NodeJS.Timeout | undefined;
  held: RelayedSignal[];
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
    this.byPeer.set(peerId, { peerId, token, isHost, socket, graceTimer: undefined, held: [] });
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
    const held = session.held.splice(0);
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

  has(peerId: string): boolean {
    return this.byPeer.has(peerId);
  }

  isHost(peerId: string): boolean {
    return this.byPeer.get(peerId)?.isHost ?? false;
  }

  /**
   * Keeps a signal for an absent participant. A new description from a sender makes everything it
   * sent before stale (an older offer and its candidates), so those are dropped rather than
   * delivered out of date.
   */
  hold(to: string, signal: RelayedSignal): void {
    const session = this.byPeer.get(to);
    if (!session) return;
    if (signal.payload.kind === 'description') {
      session.held = session.held.filter((earlier) => earlier.from !== signal.from);
    }
    session.held.push(signal);
    if (session.held.length > MAX_HELD_SIGNALS) session.held.shift();
  }

  /** Stops every grace timer (the server is closing). */
  clear(): void {
    for (const session of this.byPeer.values()) clearTimeout(session.graceTimer);
    this.byPeer.clear();
    this.peerByToken.clear();
  }
}
