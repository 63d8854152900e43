/**
 * One peer connection negotiated with "perfect negotiation", a faithful port of the W3C example
 * (https://w3c.github.io/webrtc-pc/#perfect-negotiation-example), including the
 * `isSettingRemoteAnswerPending` detail that keeps an answer in flight from being mistaken for glare.
 *
 * Either side may add tracks at any time; `negotiationneeded` makes an offer, and when both offer at
 * once the impolite side ignores the other's offer while the polite side rolls back and answers.
 * It takes the connection, its politeness and a `send` function, so it runs the same in the app,
 * in a browser and in tests.
 */
import type { IceCandidate, SessionDescription, SignalPayload } from '../../../shared/protocol';

/**
 * How long a connection may stay `disconnected` before we restart ICE ourselves. Browsers take
 * about 30 s to declare `failed`; a network that came back, or changed address, should not wait that long.
 */
export const RESTART_AFTER_DISCONNECTED_MS = 3000;
/** While still not connected, try again this often (an offer may have been lost in an outage). */
export const RESTART_RETRY_MS = 5000;
/**
 * Restarting ICE after trouble is the impolite side's job. When both sides restart at once their
 * offers collide, and the polite side's rollback of its own restart offer can leave its camera
 * unsent (seen in Chromium 156: the sender comes back under a new SSRC that never encodes, while
 * audio and the other direction recover). So the polite side restarts only if the connection is
 * still down this long after it went `disconnected` or `failed`, and not on a network change.
 */
export const POLITE_RESTART_AFTER_MS = 15_000;
/**
 * Negotiated, yet ICE never started: not one candidate from the other side arrived (dropped with an
 * offer ignored in glare and not repeated in the answer, or lost by the relay), so neither side
 * has anything to check. The impolite side restarts ICE after this long, for fresh candidates
 * under new credentials; the polite side waits twice as long, in case the other cannot.
 */
export const ICE_NEVER_STARTED_MS = 5000;
/** A peer's `restart-ice` requests are honoured at most this often: a flood cannot churn ICE. */
export const RESTART_REQUEST_MIN_INTERVAL_MS = 2000;
/**
 * The polite side asks again this often, up to RESTART_REQUESTS times, while no offer has come
 * back since its network changed: its request, or the other's restart offer, may have met a
 * connection to the host that was dead without knowing it.
 */
export const RESTART_REQUEST_RETRY_MS = 2500;
export const RESTART_REQUESTS = 4;

export interface PeerSessionOptions {
  pc: RTCPeerConnection;
  polite: boolean;
  send: (payload: SignalPayload) => void;
  /**
   * Runs after a remote offer is applied and before the answer is made: the moment to add local
   * tracks so they ride on the offer's transceivers and the answer carries them (no second round).
   */
  onRemoteOffer?: () => void;
  /**
   * Runs once a remote description has been applied (or failed to be): the `track` events it
   * caused have all fired by then, so what they changed can be announced once.
   */
  onRemoteDescriptionApplied?: () => void;
  onError?: (error: unknown) => void;
}

export class PeerSession {
  readonly pc: RTCPeerConnection;
  readonly polite: boolean;
  private readonly send: PeerSessionOptions['send'];
  private readonly onRemoteOffer: PeerSessionOptions['onRemoteOffer'];
  private readonly onRemoteDescriptionApplied: PeerSessionOptions['onRemoteDescriptionApplied'];
  private readonly onError: (error: unknown) => void;
  private makingOffer = false;
  private ignoreOffer = false;
  private isSettingRemoteAnswerPending = false;
  private recoveryTimer: ReturnType<typeof setTimeout> | undefined;
  private iceStartTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private lastRequestedRestart = -Infinity;
  private restartRequestTimer: ReturnType<typeof setTimeout> | undefined;
  /** Offers applied from the other side: whether one came after our request for a restart. */
  private offersReceived = 0;
  /** Offers and answers sent and received, for diagnostics and for tests that count renegotiations. */
  readonly descriptionCount = { sent: 0, received: 0 };
  /**
   * ICE restarts we started (of which for ICE that never started), and candidates dropped as
   * belonging to an earlier ICE session.
   */
  readonly recovery = { iceRestarts: 0, iceNeverStarted: 0, staleCandidates: 0 };

  constructor({ pc, polite, send, onRemoteOffer, onRemoteDescriptionApplied, onError }: PeerSessionOptions) {
    this.pc = pc;
    this.polite = polite;
    this.send = send;
    this.onRemoteOffer = onRemoteOffer;
    this.onRemoteDescriptionApplied = onRemoteDescriptionApplied;
    this.onError = onError ?? (() => undefined);

    pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        this.sendLocalDescription();
      } catch (error) {
        this.onError(error);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      // The end-of-candidates marker (null) is not needed by browsers to complete ICE; not sending it
      // saves a relay per peer.
      if (candidate) this.send({ kind: 'candidate', candidate: toIceCandidate(candidate) });
    };
    pc.addEventListener('connectionstatechange', () => this.watchConnection());
    pc.addEventListener('signalingstatechange', () => this.watchIceStart());
    pc.addEventListener('iceconnectionstatechange', () => this.watchIceStart());
  }

  /**
   * Gets a connection that is not `connected` going again: re-sends our offer if one is still
   * unanswered (it may have been lost while the relay was unreachable), otherwise restarts ICE,
   * which gathers fresh candidates (a new address after roaming) through a new offer. The polite
   * side leaves the restart to the other (see POLITE_RESTART_AFTER_MS).
   */
  recover(): void {
    if (this.polite && this.pc.signalingState !== 'have-local-offer') return;
    this.recoverNow();
  }

  /**
   * Our network changed: new candidates at once. The impolite side restarts ICE itself; the polite
   * side asks the other to (a `restart-ice` signal, queued until our host connection is back),
   * rather than wait for it to notice the connection is down (see POLITE_RESTART_AFTER_MS).
   */
  networkChanged(): void {
    if (this.closed) return;
    if (this.polite) this.askForRestart(RESTART_REQUESTS);
    else this.restartIce();
  }

  private askForRestart(times: number): void {
    clearTimeout(this.restartRequestTimer);
    const offersBefore = this.offersReceived;
    this.send({ kind: 'restart-ice' });
    if (times <= 1) return;
    this.restartRequestTimer = setTimeout(() => {
      if (!this.closed && this.offersReceived === offersBefore) this.askForRestart(times - 1);
    }, RESTART_REQUEST_RETRY_MS);
  }

  private recoverNow(): void {
    const pc = this.pc;
    if (this.closed) return;
    // An offer of ours still unanswered goes again whatever the connection's state: a peer back
    // from an address change may have missed it (the host relayed it to its old, dead connection)
    // while ours still reads `connected` on the old path.
    if (pc.signalingState === 'have-local-offer') {
      this.sendLocalDescription();
      return;
    }
    if (pc.connectionState === 'connected' || pc.connectionState === 'new') return;
    this.restartIce();
  }

  /** Sends the offer already set as our local description (one made before the peer was known). */
  sendPendingOffer(): void {
    if (this.pc.signalingState === 'have-local-offer') this.sendLocalDescription();
  }

  /**
   * New candidates now, whatever the state: after a network change our addresses may be different
   * while the connection still looks `connected` for a few seconds more.
   */
  restartIce(): void {
    if (this.closed) return;
    this.recovery.iceRestarts++;
    this.pc.restartIce();
  }

  /** Applies one message from the remote peer. Never throws; failures go to `onError`. */
  async receive(payload: SignalPayload): Promise<void> {
    try {
      if (payload.kind === 'description') await this.receiveDescription(payload.description);
      else if (payload.kind === 'candidate') await this.receiveCandidate(payload.candidate);
      else this.restartOnRequest();
    } catch (error) {
      this.onError(error);
    }
  }

  /** Asked by the polite side, whose network changed; a polite side is never asked (see networkChanged). */
  private restartOnRequest(): void {
    const now = performance.now();
    if (this.polite || this.pc.connectionState === 'new' || now - this.lastRequestedRestart < RESTART_REQUEST_MIN_INTERVAL_MS) return;
    this.lastRequestedRestart = now;
    // An offer of ours still unanswered (a restart made while the other side was unreachable,
    // lost on the way) goes again: restarting now would only wait for it to be answered.
    if (this.pc.signalingState === 'have-local-offer') this.sendLocalDescription();
    else this.restartIce();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.recoveryTimer);
    clearTimeout(this.iceStartTimer);
    clearTimeout(this.restartRequestTimer);
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.close();
  }

  private async receiveDescription(description: SessionDescription): Promise<void> {
    const pc = this.pc;
    this.descriptionCount.received++;
    // An answer with no offer of ours outstanding, or while the answer to it is being applied: the
    // second answer to an offer sent twice (re-sent on a resume to a peer that had in fact received
    // it). Only one offer of ours is ever outstanding, so there is nothing new in it to apply.
    if (description.type === 'answer' && (pc.signalingState === 'stable' || this.isSettingRemoteAnswerPending)) return;
    // An offer may arrive while we are in "have-local-offer" (glare), or while our answer to an
    // earlier offer is still being applied; the latter is not a collision.
    const readyForOffer =
      !this.makingOffer && (pc.signalingState === 'stable' || this.isSettingRemoteAnswerPending);
    const offerCollision = description.type === 'offer' && !readyForOffer;

    this.ignoreOffer = !this.polite && offerCollision;
    if (this.ignoreOffer) return;

    this.isSettingRemoteAnswerPending = description.type === 'answer';
    try {
      await pc.setRemoteDescription(description); // rolls back our own offer implicitly if polite
    } finally {
      this.isSettingRemoteAnswerPending = false;
      this.onRemoteDescriptionApplied?.();
    }

    if (description.type === 'offer') {
      this.offersReceived++;
      this.onRemoteOffer?.();
      await pc.setLocalDescription();
      this.sendLocalDescription();
    }
  }

  /** `disconnected` for a few seconds, or `failed`: recover, and keep trying until connected. */
  private watchConnection(): void {
    const state = this.pc.connectionState;
    if (state === 'connected' || state === 'closed') {
      clearTimeout(this.recoveryTimer);
      this.recoveryTimer = undefined;
      return;
    }
    if (state !== 'disconnected' && state !== 'failed') return;
    if (this.recoveryTimer !== undefined) return;
    const attempt = (delay: number): void => {
      this.recoveryTimer = setTimeout(() => {
        this.recoverNow();
        attempt(RESTART_RETRY_MS);
      }, delay);
    };
    if (this.polite) attempt(POLITE_RESTART_AFTER_MS);
    else attempt(state === 'failed' ? 0 : RESTART_AFTER_DISCONNECTED_MS);
  }

  /** Negotiation done but ICE still `new`: restart it if that lasts (see ICE_NEVER_STARTED_MS). */
  private watchIceStart(): void {
    const pc = this.pc;
    const neverStarted = (): boolean =>
      !this.closed && pc.signalingState === 'stable' && pc.remoteDescription !== null && pc.iceConnectionState === 'new';
    if (!neverStarted()) {
      clearTimeout(this.iceStartTimer);
      this.iceStartTimer = undefined;
      return;
    }
    if (this.iceStartTimer !== undefined) return;
    this.iceStartTimer = setTimeout(
      () => {
        this.iceStartTimer = undefined;
        if (neverStarted()) {
          this.recovery.iceNeverStarted++;
          this.restartIce();
        }
      },
      this.polite ? 2 * ICE_NEVER_STARTED_MS : ICE_NEVER_STARTED_MS,
    );
  }

  private async receiveCandidate(candidate: IceCandidate | null): Promise<void> {
    if (!candidate) return;
    // A candidate from an ICE session the current remote description no longer describes
    // (sent before a restart, delivered after it) is stale: drop it rather than apply it.
    const current = remoteUsernameFragments(this.pc.remoteDescription?.sdp);
    if (candidate.usernameFragment && current.size > 0 && !current.has(candidate.usernameFragment)) {
      this.recovery.staleCandidates++;
      return;
    }
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (error) {
      // Candidates for an offer we ignored are expected to fail; anything else is real.
      if (!this.ignoreOffer) throw error;
    }
  }

  private sendLocalDescription(): void {
    const local = this.pc.localDescription;
    if (!local) return;
    this.descriptionCount.sent++;
    this.send({ kind: 'description', description: { type: local.type, sdp: local.sdp } });
  }
}

function remoteUsernameFragments(sdp: string | undefined): Set<string> {
  const fragments = new Set<string>();
  for (const match of (sdp ?? '').matchAll(/^a=ice-ufrag:(\S+)/gm)) if (match[1]) fragments.add(match[1]);
  return fragments;
}

function toIceCandidate(candidate: RTCIceCandidate): IceCandidate {
  return {
    candidate: candidate.candidate,
    sdpMid: candidate.sdpMid,
    sdpMLineIndex: candidate.sdpMLineIndex,
    usernameFragment: candidate.usernameFragment,
  };
}
