/**
 * A full mesh: one PeerSession per remote participant, each carrying our audio and video and the
 * data channels (control, chat, files).
 *
 * Who offers: the newcomer, at once, to everyone already in the room (it learned them from its join
 * acknowledgement). Those already present create their side when the offer arrives and attach their
 * tracks to the offer's transceivers before answering, so one offer/answer carries media both ways.
 * Politeness is decided from the two ids, so both ends agree without a round trip. The first offer
 * can be one prepared before the join (standbyConnection.ts): it rides on the join request, and the
 * host hands it to the first participant present as it announces us.
 *
 * Every transceiver is negotiated send-and-receive even when we have no track yet, so turning the
 * camera on, switching devices or applying an effect is a `replaceTrack`: no renegotiation.
 */
import type { PeerView } from '../../../shared/peerMessages';
import type { SignalPayload } from '../../../shared/protocol';
import { addMediaTransceiver, createChannels, MEDIA_KINDS, type ChannelKind, type LocalTracks, type MediaKind } from './channels';
import { Emitter } from './emitter';
import { FastStart } from './fastStart';
import { closeMeshPeer, firstVideoTransceiver, type MeshPeer } from './meshPeer';
import { OutgoingVideo } from './outgoingVideo';
import { PeerSession } from './peerSession';
import { watchPath, type PathProblem } from './pathWatch';
import { hasRelay, rtcConfiguration } from './iceConfig';
import { watchPathChanges } from './pathChanges';
import type { IceConfig } from '../../../shared/iceServers';
import { closeStandby, hasUnansweredOffer, type StandbyConnection } from './standbyConnection';

export type MeshEvents = {
  /** A new stream object each time the peer's set of tracks changes. */
  'peer-stream': (peerId: string, stream: MediaStream) => void;
  'peer-connection-state': (peerId: string, state: RTCPeerConnectionState) => void;
  /** No network path to this peer yet, and why (pathWatch.ts); null once there is one. */
  'peer-path': (peerId: string, problem: PathProblem | null) => void;
  /** The peer's shared screen arrived (a stream), or its track ended (null). */
  'peer-screen': (peerId: string, stream: MediaStream | null) => void;
  /** A data channel to this peer is open (again): the moment to send what waited for it. */
  'channel-open': (peerId: string, kind: ChannelKind) => void;
  /** Raw, unvalidated data from a peer's channel; the owner of each channel validates it. */
  'channel-data': (peerId: string, kind: ChannelKind, data: unknown) => void;
  error: (peerId: string, error: unknown) => void;
};

export interface MeshOptions {
  selfId: string;
  localTracks: LocalTracks;
  send: (to: string, payload: SignalPayload) => void;
  /** STUN/TURN servers the user configured (none by default), and whether to relay only. */
  ice?: IceConfig;
  createPeerConnection?: () => RTCPeerConnection;
  /** A connection prepared before the join, offer set: the first peer we offer to gets it. */
  standby?: StandbyConnection;
  /**
   * The peer the host already handed the standby's offer to (it rode on our join): the standby is
   * that peer's connection, and its offer is not sent again.
   */
  standbyOfferedTo?: string;
}

/** The side whose id sorts first yields in glare. Any rule works if both ends compute the same. */
export function isPolite(selfId: string, peerId: string): boolean {
  return selfId < peerId;
}



export class Mesh extends Emitter<MeshEvents> {
  private readonly peers = new Map<string, MeshPeer>();
  private readonly createPeerConnection: () => RTCPeerConnection;
  private readonly localTracks: LocalTracks;
  /** One stream id for our audio and video, so receivers keep them in lip sync. */
  private readonly outgoingStream = new MediaStream();
  /** Our shared screen goes in a stream of its own. */
  private readonly screenStream = new MediaStream();
  private screenTrack: MediaStreamTrack | null = null;
  private standby: StandbyConnection | undefined;
  /** Each peer's camera encoding and screen bitrate, set again whenever the room, a view or our CPU changes. */
  private readonly video = new OutgoingVideo(
    () => this.peers,
    () => this.localTracks.video?.getSettings().height ?? 480,
    (peerId, error) => this.emit('error', peerId, error),
  );

  constructor(private readonly options: MeshOptions) {
    super();
    this.localTracks = { ...options.localTracks };
    this.standby = options.standby;
    // No STUN/TURN unless configured: a LAN call sends nothing to third parties.
    this.createPeerConnection = options.createPeerConnection ?? (() => new RTCPeerConnection(rtcConfiguration(options.ice)));
  }

  /** As the newcomer: open a session to an existing peer and offer right away. */
  connectTo(peerId: string): void {
    const existing = this.peers.get(peerId);
    if (existing?.senders) return;
    const standby = existing ? undefined : this.takeStandbyFor(peerId);
    if (standby) return this.adoptStandby(peerId, standby, peerId !== this.options.standbyOfferedTo);
    const entry = this.ensure(peerId);
    const { pc } = entry.session;
    entry.senders = {};
    for (const kind of MEDIA_KINDS) {
      entry.senders[kind] = addMediaTransceiver(pc, kind, this.localTracks[kind], this.outgoingStream).sender;
    }
    this.attachScreen(entry);
  }

  /**
   * The prepared connection becomes this peer's: its offer, with the candidates it gathered before
   * the join, goes out now (unless it already went with the join). Tracks that changed since it
   * was made (another camera, camera off) are swapped in first; a screen being shared follows in a
   * second offer.
   */
  private adoptStandby(peerId: string, standby: StandbyConnection, sendOffer: boolean): void {
    const entry = this.ensure(peerId, standby);
    entry.senders = {};
    for (const kind of MEDIA_KINDS) {
      const { sender } = standby.transceivers[kind];
      entry.senders[kind] = sender;
      if (sender.track !== this.localTracks[kind]) {
        sender.replaceTrack(this.localTracks[kind]).catch((error: unknown) => this.emit('error', peerId, error));
      }
    }
    if (sendOffer) entry.session.sendPendingOffer();
    if (this.screenTrack) queueMicrotask(() => this.attachScreen(entry));
  }

  /**
   * The standby, once, if it is still fit to use (one that is not is closed); kept for the peer
   * its offer was already given to, if that is someone else.
   */
  private takeStandbyFor(peerId: string): StandbyConnection | undefined {
    const offeredTo = this.options.standbyOfferedTo;
    if (offeredTo !== undefined && offeredTo !== peerId) return undefined;
    const standby = this.standby;
    this.standby = undefined;
    if (!standby) return undefined;
    if (hasUnansweredOffer(standby)) return standby;
    closeStandby(standby);
    return undefined;
  }

  /**
   * Shares a screen with everyone as an additional video track (the camera stays), or stops.
   * Adding or removing the track renegotiates (perfect negotiation handles it).
   */
  setScreenTrack(track: MediaStreamTrack | null): void {
    this.screenTrack = track;
    for (const [peerId, entry] of this.peers) {
      if (track) this.attachScreen(entry);
      else if (entry.screenTransceiver) {
        entry.screenTransceiver.sender.replaceTrack(null).catch((error: unknown) => this.emit('error', peerId, error));
        entry.screenTransceiver.direction = 'recvonly';
      }
    }
  }

  receive(from: string, payload: SignalPayload): void {
    // Only an offer opens a connection to someone new: a stray candidate or answer (from someone
    // who has just left, say) would otherwise start a connection nobody answers.
    const opens = payload.kind === 'description' && payload.description.type === 'offer';
    if (!this.peers.has(from) && !opens) return;
    void this.ensure(from).session.receive(payload);
  }

  /** Sends this track (or nothing) to every peer from now on, without renegotiating. */
  setLocalTrack(kind: MediaKind, track: MediaStreamTrack | null): void {
    this.localTracks[kind] = track;
    for (const [peerId, entry] of this.peers) {
      const sender = entry.senders?.[kind];
      sender?.replaceTrack(track).catch((error: unknown) => this.emit('error', peerId, error));
    }
  }

  /** The open channel of this kind to this peer, or undefined while it is not open. */
  channel(peerId: string, kind: ChannelKind): RTCDataChannel | undefined {
    const channel = this.peers.get(peerId)?.channels[kind];
    return channel?.readyState === 'open' ? channel : undefined;
  }

  /** Sends a JSON message on a channel if it is open; returns whether it went. */
  sendTo(peerId: string, kind: ChannelKind, message: object): boolean {
    const channel = this.channel(peerId, kind);
    if (!channel) return false;
    channel.send(JSON.stringify(message));
    return true;
  }

  broadcast(kind: ChannelKind, message: object): void {
    for (const peerId of this.peers.keys()) this.sendTo(peerId, kind, message);
  }

  /** The peer told us how it shows our camera: send it that (within a second, no renegotiation). */
  setPeerView(peerId: string, view: PeerView): void {
    const entry = this.peers.get(peerId);
    if (!entry) return;
    entry.view = view;
    this.video.applyToAll();
  }

  /** One peer left: close its connection, and the others may now have more of the uplink. */
  remove(peerId: string): void {
    const entry = this.peers.get(peerId);
    if (!entry) return;
    this.peers.delete(peerId);
    closeMeshPeer(entry);
    this.video.applyToAll();
  }

  /** The call is over: close everything (no re-capping connections that are closing too). */
  close(): void {
    this.video.stop();
    if (this.standby) closeStandby(this.standby);
    this.standby = undefined;
    for (const entry of this.peers.values()) closeMeshPeer(entry);
    this.peers.clear();
    this.removeAllListeners();
  }

  /** Gets the connection to this peer going again if it is not connected (see PeerSession.recover). */
  recover(peerId: string): void {
    this.peers.get(peerId)?.session.recover();
  }

  /**
   * The network changed under us: each connection on which we are the impolite side restarts ICE
   * for fresh candidates; the polite side leaves it to the other (see PeerSession.networkChanged).
   */
  networkChanged(): void {
    for (const entry of this.peers.values()) entry.session.networkChanged();
  }

  /** Every peer's connection, for statistics. */
  connections(): Map<string, RTCPeerConnection> {
    return new Map([...this.peers].map(([peerId, entry]) => [peerId, entry.session.pc]));
  }

  peerIds(): string[] {
    return [...this.peers.keys()];
  }

  session(peerId: string): PeerSession | undefined {
    return this.peers.get(peerId)?.session;
  }

  private ensure(peerId: string, standby?: StandbyConnection): MeshPeer {
    const existing = this.peers.get(peerId);
    if (existing) return existing;

    const pc = standby?.pc ?? this.createPeerConnection();
    // Created before any description is applied, on both sides, with the same ids: negotiated
    // out of band, so they ride on the first offer/answer.
    const channels = standby?.channels ?? createChannels(pc);
    for (const [kind, channel] of Object.entries(channels) as [ChannelKind, RTCDataChannel][]) {
      channel.onopen = () => this.emit('channel-open', peerId, kind);
      channel.onmessage = ({ data }) => this.emit('channel-data', peerId, kind, data);
    }
    const entry: MeshPeer = {
      stream: new MediaStream(),
      streamChanged: false,
      channels,
      senders: null,
      screenTransceiver: null,
      // Ending it frees uplink for the room (all peers' encodings set again); starting again concerns this peer only.
      fastStart: new FastStart((starting) => (starting ? this.video.applyTo(entry) : this.video.applyToAll())),
      view: null,
      stopPathWatch: watchPath(pc, hasRelay(this.options.ice), (problem) => this.emit('peer-path', peerId, problem)),
      stopPathChanges: watchPathChanges(pc, () => entry.fastStart.again()),
      session: new PeerSession({
        pc,
        polite: isPolite(this.options.selfId, peerId),
        send: (payload) => this.options.send(peerId, payload),
        onRemoteOffer: () => this.attachToOffer(entry),
        onRemoteDescriptionApplied: () => {
          if (!entry.streamChanged) return;
          entry.streamChanged = false;
          this.emit('peer-stream', peerId, entry.stream);
        },
        onError: (error) => this.emit('error', peerId, error),
      }),
    };
    // Our own stream per peer, built from `track` events: it works whether or not the sender
    // associated its tracks with a stream (a track without one arrives with `streams` empty).
    // It is announced once the description that brought the tracks is applied: one new stream for
    // audio and video together, so the tile's player is set up once, not once per track.
    pc.ontrack = ({ track, transceiver }) => {
      // The camera is the first video transceiver (created with the first offer); any later video
      // transceiver carries a shared screen.
      if (track.kind === 'video' && transceiver !== firstVideoTransceiver(pc)) {
        const screen = new MediaStream([track]);
        track.addEventListener('ended', () => this.emit('peer-screen', peerId, null));
        this.emit('peer-screen', peerId, screen);
        return;
      }
      entry.stream = new MediaStream([...entry.stream.getTracks().filter((t) => t.kind !== track.kind), track]);
      entry.streamChanged = true;
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected') entry.fastStart.connected();
      this.emit('peer-connection-state', peerId, pc.connectionState);
    };
    // Encodings exist once a negotiation completes: cap then (and the room size may have changed).
    pc.addEventListener('signalingstatechange', () => {
      if (pc.signalingState === 'stable') this.video.applyToAll();
    });
    this.peers.set(peerId, entry);
    return entry;
  }

  /** As the one answering: claim the offer's transceivers for sending, with our tracks if we have them. */
  private attachToOffer(entry: MeshPeer): void {
    if (entry.senders) return;
    const { pc } = entry.session;
    entry.senders = {};
    for (const kind of MEDIA_KINDS) {
      const track = this.localTracks[kind];
      const transceiver = pc.getTransceivers().find((t) => t.receiver.track.kind === kind && t.direction !== 'stopped');
      if (transceiver) {
        transceiver.direction = 'sendrecv';
        transceiver.sender.setStreams(this.outgoingStream);
        transceiver.sender.replaceTrack(track).catch((error: unknown) => this.emit('error', 'local', error));
        entry.senders[kind] = transceiver.sender;
      } else if (track) {
        // An offer without this kind: add it, and perfect negotiation makes a follow-up offer.
        entry.senders[kind] = pc.addTrack(track, this.outgoingStream);
      }
    }
    // Capped (and small, for fast start) before the answer is made, so from the encoder's first frame.
    this.video.applyTo(entry);
    // Sharing already: the screen follows in a second offer, once this answer is done.
    if (this.screenTrack) queueMicrotask(() => this.attachScreen(entry));
  }

  /**
   * Always a transceiver of its own (never `addTrack`, which could take over the camera's while the
   * camera is off), reused when sharing again, so receivers tell camera and screen apart by order.
   */
  private attachScreen(entry: MeshPeer): void {
    const track = this.screenTrack;
    if (!track) return;
    const existing = entry.screenTransceiver;
    if (!existing) {
      entry.screenTransceiver = entry.session.pc.addTransceiver(track, { direction: 'sendrecv', streams: [this.screenStream] });
      return;
    }
    existing.sender.replaceTrack(track).catch((error: unknown) => this.emit('error', 'local', error));
    existing.direction = 'sendrecv';
  }
}
