/**
 * What a join needs that can be done before the click, done while the user is on the home screen
 * with the preview open: a standby peer connection with its offer (standbyConnection.ts), and,
 * once the address is known, the connection to the host and its identity check. The click then
 * only has to send the join and the offer.
 *
 * Nothing here joins anything, and nothing is shown to the user: a preparation that failed or went
 * stale is simply not used, and the join does the work itself and reports any error as usual.
 * A host drops a connection that does not join within its half-open limit (15 s), so a warm
 * connection is used only while well inside it, and made again on the next sign of intent (an
 * edit, the pointer or focus reaching Join).
 */
import type { ServerIdentity } from '../../../shared/protocol';
import type { LocalTracks } from './channels';
import { identifyServer } from './serverCheck';
import { SignalingClient } from './signalingClient';
import type { IceConfig } from '../../../shared/iceServers';
import { iceKey } from './iceConfig';
import { closeStandby, isStandbyUsable, prepareStandby, type StandbyConnection } from './standbyConnection';
import { WARM_HOST_MAX_AGE_MS } from './warmHostAge';

/** A connection to a host, open but not in a room, with the host's answer to "what are you?". */
export { WARM_HOST_MAX_AGE_MS };

export interface WarmHost {
  url: string;
  signaling: SignalingClient;
  identity: Promise<ServerIdentity>;
}

export class JoinPreparation {
  private standby: StandbyConnection | undefined;
  /** A standby being made, and the settings it is made for. */
  private making: { key: string } | undefined;
  private host: (WarmHost & { openedAt: number; stopWatching: () => void }) | undefined;
  private disposed = false;

  /** Makes a standby connection unless a usable one exists (or is being made) for these settings. */
  prepareStandby(localTracks: LocalTracks, ice: IceConfig | undefined): void {
    // Without WebRTC (a test's DOM, a browser that lacks it) there is nothing to prepare.
    if (this.disposed || typeof RTCPeerConnection === 'undefined') return;
    const key = iceKey(ice);
    if (this.standby && isStandbyUsable(this.standby, ice)) return;
    if (this.making?.key === key) return;
    this.dropStandby();
    const making = { key };
    this.making = making;
    prepareStandby(localTracks, ice).then(
      (standby) => {
        if (this.making !== making || this.disposed) return closeStandby(standby);
        this.making = undefined;
        this.standby = standby;
      },
      (error: unknown) => {
        if (this.making === making) this.making = undefined;
        console.warn('Parley: could not prepare a connection ahead of the join', error);
      },
    );
  }

  /** Opens the connection to this host and asks who it is, unless that is done or under way. */
  warmHost(url: string, now = Date.now()): void {
    if (this.disposed || (this.host?.url === url && isFresh(this.host, now))) return;
    this.dropHost();
    const signaling = new SignalingClient(url);
    const identity = identifyServer(url);
    identity.catch(() => undefined); // judged at the join, if this preparation is used at all
    // The host closed it (half-open limit, or it stopped): forget it.
    const stopWatching = signaling.on('lost', () => {
      if (this.host?.signaling === signaling) this.dropHost();
    });
    this.host = { url, signaling, identity, openedAt: now, stopWatching };
    signaling.connect().catch(() => {
      if (this.host?.signaling === signaling) this.dropHost();
    });
  }

  /**
   * The standby, for a join with these settings, if it is ready and fresh; it is then the caller's.
   * One still being made is abandoned (closed when done): nothing is left open beside the call.
   */
  takeStandby(ice: IceConfig | undefined): StandbyConnection | undefined {
    const standby = this.standby;
    this.standby = undefined;
    this.making = undefined;
    if (!standby) return undefined;
    if (isStandbyUsable(standby, ice)) return standby;
    closeStandby(standby);
    return undefined;
  }

  /**
   * The warm connection to this host, open or still opening (it is then the caller's, who connects
   * and judges the identity as for a connection of its own); one to another host, or one too close
   * to the host's half-open limit, is closed.
   */
  takeHost(url: string, now = Date.now()): WarmHost | undefined {
    const host = this.host;
    if (!host || host.url !== url || !isFresh(host, now)) {
      this.dropHost();
      return undefined;
    }
    this.host = undefined;
    host.stopWatching();
    return { url: host.url, signaling: host.signaling, identity: host.identity };
  }

  /** The network changed: candidates and connections made before may not work any more. */
  invalidate(): void {
    this.dropStandby();
    this.dropHost();
  }

  dispose(): void {
    this.disposed = true;
    this.invalidate();
  }

  private dropStandby(): void {
    this.making = undefined;
    if (this.standby) closeStandby(this.standby);
    this.standby = undefined;
  }

  private dropHost(): void {
    if (!this.host) return;
    this.host.stopWatching();
    this.host.signaling.close();
    this.host = undefined;
  }
}

const isFresh = (host: { openedAt: number }, now: number): boolean => now - host.openedAt < WARM_HOST_MAX_AGE_MS;
