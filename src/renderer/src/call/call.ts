/**
 * One participation in one room: the signaling connection plus the mesh of peer connections.
 * The UI subscribes to its events and calls its methods; nothing here knows about React.
 *
 * A dropped connection to the host does not end the call: media keeps flowing peer to peer while
 * the signaling client reconnects, and on return we resume our place (same id) and reconcile who
 * is in the room. Only a farewell from the host, or a host that stays away, ends it.
 */
import type { PathProblem } from './pathWatch';
import type { IceConfig } from '../../../shared/iceServers';
import { parsePeerMessage, type MediaState, type PeerView } from '../../../shared/peerMessages';
import { ViewRequests } from './viewRequests';
import { Gestures } from './gestures';
import type { JoinRequest, JoinResult, PeerInfo, RoomState, SfuAccess } from '../../../shared/protocol';
import { CallError } from './callError';
import { Chat } from './chat';
import { FileTransfers } from './fileTransfer';
import { Emitter } from './emitter';
import type { LocalTracks, MediaKind } from './channels';
import { Mesh } from './mesh';
import { SfuSession } from './sfu/sfuSession';
import type { StatsSource } from './callStats';
import type { WarmHost } from './joinPreparation';
import { admitsUs, checkServer } from './serverCheck';
import { SignalingClient } from './signalingClient';
import { closeStandby, hasUnansweredOffer, type StandbyConnection } from './standbyConnection';

export type SignalingState = 'connected' | 'reconnecting';

export type CallEvents = {
  'peer-joined': (peer: PeerInfo) => void;
  'peer-left': (peerId: string) => void;
  'peer-stream': (peerId: string, stream: MediaStream) => void;
  'peer-connection-state': (peerId: string, state: RTCPeerConnectionState) => void;
  /** No network path to this peer yet, and why (pathWatch.ts); null once there is one. */
  'peer-path': (peerId: string, problem: PathProblem | null) => void;
  'peer-media-state': (peerId: string, state: MediaState) => void;
  /** A peer's shared screen (null when its track ended). */
  'peer-screen': (peerId: string, stream: MediaStream | null) => void;
  'signaling-state': (state: SignalingState) => void;
  'room-state': (state: RoomState) => void;
  /** Our id changed (we came back too late to resume and joined afresh). */
  'self-id': (selfId: string) => void;
  /** The call ended without the user leaving (the host ended it, removed us, or went away). */
  ended: (error: CallError) => void;
};

export interface CallOptions {
  url: string;
  room: string;
  name: string;
  passcode?: string;
  hostKey?: string;
  /** STUN/TURN servers, validated (shared/iceServers.ts), and relay only; none keeps the call on the LAN. */
  ice?: IceConfig;
  localTracks: LocalTracks;
  mediaState: MediaState;
  /** Work done before the click (joinPreparation.ts): an open connection to this host, an offer. */
  prepared?: { host?: WarmHost; standby?: StandbyConnection };
}

export class Call extends Emitter<CallEvents> {
  private readonly signaling: SignalingClient;
  private mesh: Mesh | undefined;
  /**
   * SFU mode (the join carried `sfu`): media goes through the host's Janus, and the mesh keeps only
   * the data channels (it is given no tracks).
   */
  private sfu: SfuSession | undefined;
  private finished = false;
  private mediaState: MediaState;
  private localTracks: LocalTracks;
  private screenTrack: MediaStreamTrack | null = null;
  /** From the last successful join: presented to take our place back after a dropped connection. */
  private resumeToken: string | undefined;
  /** Chat and files ride on the peers' own data channels; they live as long as the call. */
  readonly chat = new Chat({
    peerIds: () => this.mesh?.peerIds() ?? [],
    send: (peerId, message) => this.mesh?.sendTo(peerId, 'chat', message) ?? false,
  });
  readonly files = new FileTransfers({
    channel: (peerId) => this.mesh?.channel(peerId, 'files'),
    maxMessageSize: (peerId) => this.mesh?.connections().get(peerId)?.sctp?.maxMessageSize,
  });
  /** Who hosts (the server says so in each peer's info): only the host may lower others' hands. */
  private readonly hostIds = new Set<string>();
  /**
   * Who has left this call. Ids are the host's and never come back, so a signal from one of them
   * (overtaken by its departure on the way) is ignored rather than answered.
   */
  private readonly departed = new Set<string>();
  private selfId = '';
  /** Raised hands and reactions, over the control channel. */
  readonly gestures = new Gestures({
    broadcast: (message) => this.mesh?.broadcast('control', message),
    sendTo: (peerId, message) => void this.mesh?.sendTo(peerId, 'control', message),
    isHost: (peerId) => this.hostIds.has(peerId),
    selfId: () => this.selfId,
  });
  /** How we show each peer's camera, told to that peer so it sends no more than that. */
  private readonly views = new ViewRequests((peerId, message) => this.mesh?.sendTo(peerId, 'control', message) ?? false);
  /**
   * The browser says the network is back (possibly another one): the host connection may be dead
   * without knowing it and our addresses may have changed, so reconnect at once and have ICE
   * restarted (by us where we are the impolite side, by the other side elsewhere).
   */
  private readonly onNetworkBack = (): void => {
    this.signaling.reconnectNow();
    this.mesh?.networkChanged();
  };

  /** For the first peer we offer to, in the first mesh; closed unused if we are the first here. */
  private standby: StandbyConnection | undefined;
  /** Opened before the click: its connection is ours, its identity check already asked. */
  private readonly warmHost: WarmHost | undefined;

  constructor(private readonly options: CallOptions) {
    super();
    const host = options.prepared?.host;
    if (host && host.url !== options.url) host.signaling.close(); // not ours to use
    this.warmHost = host?.url === options.url ? host : undefined;
    this.signaling = this.warmHost?.signaling ?? new SignalingClient(options.url);
    this.standby = options.prepared?.standby;
    this.mediaState = options.mediaState;
    this.localTracks = { ...options.localTracks };
  }

  /** Connects, joins and offers to everyone present. Rejects with a `CallError`. */
  async start(): Promise<JoinResult> {
    try {
      // The identity check runs beside the connection (or ran before the click), so it costs no
      // time when all is well and says precisely what is wrong when it is not (not a Parley
      // server, another version…).
      const { url, passcode, hostKey } = this.options;
      const hasPasscode = passcode !== undefined || hostKey !== undefined;
      const check = this.warmHost
        ? this.warmHost.identity.then((identity) => admitsUs(identity, hasPasscode))
        : checkServer(url, hasPasscode);
      const connected = this.signaling.connect();
      await Promise.all([connected.catch(() => undefined), check.catch(() => undefined)]);
      await check;
      await connected;
      // The prepared offer rides on the join: the host hands it to the first participant present.
      const joined = await this.signaling.join({ ...this.joinRequest(), offer: this.preparedOffer() });
      this.resumeToken = joined.resumeToken;
      this.listen();
      this.selfId = joined.selfId;
      for (const peer of joined.peers) if (peer.isHost) this.hostIds.add(peer.id);
      this.buildMesh(joined.selfId, joined.peers, joined.offeredTo, joined.sfu);
      if (joined.sfu) await this.startSfu(joined.sfu, joined.selfId);
      return joined;
    } catch (error) {
      this.finish();
      throw error instanceof CallError ? error : new CallError('INTERNAL', String(error));
    }
  }

  /** Sends a different track (a new device, an effect, or none) to everyone, without renegotiating. */
  setLocalTrack(kind: MediaKind, track: MediaStreamTrack | null): void {
    this.localTracks[kind] = track;
    if (this.sfu) this.sfu.setLocalTrack(kind, track);
    else this.mesh?.setLocalTrack(kind, track);
  }

  /** Tells everyone (now, and each newcomer when its channel opens) whether we are muted or off camera. */
  setMediaState(state: MediaState): void {
    this.mediaState = state;
    this.mesh?.broadcast('control', this.stateMessage());
  }

  /** How we show this peer's camera now: it sends us what that needs (see viewRequests.ts). */
  setPeerView(peerId: string, view: PeerView): void {
    this.views.set(peerId, view);
    this.sfu?.showAs(peerId, view);
  }

  /** Shares a screen with everyone as an extra video track, or stops (null). */
  setScreenTrack(track: MediaStreamTrack | null): void {
    this.screenTrack = track;
    this.mesh?.setScreenTrack(track);
    this.mesh?.broadcast('control', this.stateMessage());
  }

  private stateMessage(): { type: 'media-state'; state: MediaState } {
    return { type: 'media-state', state: { ...this.mediaState, screenSharing: this.screenTrack !== null } };
  }

  /** What the statistics read now, by peer id: each peer's connection, or in SFU mode its share of the connections to Janus. */
  connections(): Map<string, StatsSource> {
    const mesh: Map<string, StatsSource> = this.mesh?.connections() ?? new Map();
    // In SFU mode a participant's media is on the connections to Janus; until it arrives there,
    // its data connection is all there is to read.
    return this.sfu ? new Map([...mesh, ...this.sfu.statsSources()]) : mesh;
  }

  /** Host only: stop (or again allow) newcomers. */
  setLocked(locked: boolean): Promise<RoomState> {
    return this.signaling.setLocked(locked);
  }

  /** Host only: send a participant away. */
  remove(peerId: string): Promise<void> {
    return this.signaling.remove(peerId);
  }

  async leave(): Promise<void> {
    if (this.finished) return;
    try {
      await this.signaling.leave();
    } catch {
      // Leaving must always work locally, even if the host no longer answers.
    } finally {
      this.finish();
    }
  }

  /** The page is going away: no time to wait for the host, but the close itself tells it we left. */
  abandon(): void {
    this.finish();
  }

  private listen(): void {
    const signaling = this.signaling;
    globalThis.addEventListener?.('online', this.onNetworkBack);
    signaling.on('peer-joined', ({ offer, ...peer }) => {
      if (peer.isHost) this.hostIds.add(peer.id);
      // The newcomer's offer came with it: the connection gets going before its tile is drawn.
      if (offer) this.mesh?.receive(peer.id, { kind: 'description', description: offer });
      this.emit('peer-joined', peer);
    });
    signaling.on('peer-left', (id) => {
      this.departed.add(id);
      this.peerGone(id);
    });
    signaling.on('peer-returned', (id) => this.mesh?.recover(id));
    signaling.on('signal', ({ from, payload }) => {
      if (!this.departed.has(from)) this.mesh?.receive(from, payload);
    });
    signaling.on('signal-error', (error) => console.warn('Parley: signal refused', error));
    signaling.on('room-state', (state) => this.emit('room-state', state));
    signaling.on('reconnecting', () => this.emit('signaling-state', 'reconnecting'));
    signaling.on('reconnected', () => void this.resume());
    signaling.on('farewell', (reason) =>
      this.end(
        reason === 'removed-by-host'
          ? new CallError('REMOVED', 'The host removed you from the room')
          : new CallError('HOST_ENDED', 'The host ended the room'),
      ),
    );
    signaling.on('lost', () => this.end(new CallError('HOST_LOST', 'The connection to the host was lost')));
  }

  /** The standby's offer, if there is a standby still waiting to be answered. */
  private preparedOffer(): JoinRequest['offer'] {
    const local = this.standby && hasUnansweredOffer(this.standby) ? this.standby.pc.localDescription : null;
    return local ? { type: 'offer', sdp: local.sdp } : undefined;
  }

  /** `offeredTo`: the peer the host already gave the standby's offer to, with our join. */
  private buildMesh(selfId: string, peers: PeerInfo[], offeredTo?: string, sfu?: SfuAccess): void {
    // Alone in the room: others will offer to us, so a connection with an offer of its own is no use.
    const standby = this.standby;
    this.standby = undefined;
    if (standby && peers.length === 0) closeStandby(standby);
    const mesh = new Mesh({
      selfId,
      // In SFU mode the peers' own connections carry data only (a standby's tracks are taken off).
      localTracks: sfu ? { audio: null, video: null } : this.localTracks,
      ice: this.options.ice,
      send: (to, payload) => this.signaling.signal(to, payload),
      standby: peers.length > 0 ? standby : undefined,
      standbyOfferedTo: offeredTo,
    });
    this.mesh = mesh;
    if (!sfu) mesh.on('peer-stream', (id, stream) => this.emit('peer-stream', id, stream));
    mesh.on('peer-connection-state', (id, state) => this.emit('peer-connection-state', id, state));
    mesh.on('peer-path', (id, problem) => this.emit('peer-path', id, problem));
    mesh.on('peer-screen', (id, stream) => this.emit('peer-screen', id, stream));
    mesh.on('channel-open', (id, kind) => {
      if (kind === 'control') {
        mesh.sendTo(id, 'control', this.stateMessage());
        this.views.channelOpened(id);
        this.gestures.channelOpened(id);
      }
      if (kind === 'chat') this.chat.channelOpened(id);
    });
    mesh.on('channel-data', (id, kind, data) => {
      if (kind === 'chat') return this.chat.receive(id, data);
      if (kind === 'files') return this.files.receive(id, data);
      const message = parsePeerMessage(data);
      if (message?.type === 'media-state') this.emit('peer-media-state', id, message.state);
      if (message?.type === 'view') mesh.setPeerView(id, message.view);
      if (message?.type === 'hand' || message?.type === 'lower-hand' || message?.type === 'reaction') this.gestures.receive(id, message);
    });
    mesh.on('error', (id, error) => console.warn(`Parley: media with ${id} failed`, error));
    if (this.screenTrack) mesh.setScreenTrack(this.screenTrack);
    for (const peer of peers) mesh.connectTo(peer.id);
  }

  /** Publishes and subscribes through the host's Janus (sfu/sfuSession.ts makes the link again if it drops). */
  private async startSfu(access: SfuAccess, selfId: string): Promise<void> {
    this.sfu?.close();
    const sfu = new SfuSession({ hostUrl: this.options.url, access, selfId, localTracks: this.localTracks, ice: this.options.ice }, (id, stream) => this.emit('peer-stream', id, stream));
    this.sfu = sfu;
    await sfu.start();
  }

  /** Back on a new connection: take our old place, then reconcile who is here. */
  private async resume(): Promise<void> {
    const resumeToken = this.resumeToken;
    if (!resumeToken || this.finished) return;
    let now: JoinResult;
    try {
      now = await this.signaling.join(this.joinRequest(resumeToken));
    } catch (error) {
      this.end(error instanceof CallError ? error : new CallError('HOST_LOST', String(error)));
      return;
    }
    if (this.finished) return;
    this.resumeToken = now.resumeToken;
    this.selfId = now.selfId;
    for (const peer of now.peers) if (peer.isHost) this.hostIds.add(peer.id);
    const known = new Set(this.mesh?.peerIds() ?? []);
    const present = new Set(now.peers.map((peer) => peer.id));

    if (now.resumed) {
      // Same id: peer connections to those still here carry on; check each is connected.
      for (const id of known) {
        if (present.has(id)) this.mesh?.recover(id);
        else {
          this.departed.add(id);
          this.peerGone(id);
        }
      }
      // Newcomers who arrived while we were away already offered to us (the host held their offers).
      for (const peer of now.peers) if (!known.has(peer.id)) this.emit('peer-joined', peer);
    } else {
      // Too late to resume: we are a newcomer with a new id, and the others forgot the old one.
      for (const id of known) this.peerGone(id);
      this.mesh?.close();
      this.emit('self-id', now.selfId);
      for (const peer of now.peers) this.emit('peer-joined', peer);
      this.buildMesh(now.selfId, now.peers, undefined, now.sfu);
      if (now.sfu) void this.startSfu(now.sfu, now.selfId).catch((error: unknown) => console.warn('Parley: media through the host failed', error));
    }
    this.emit('signaling-state', 'connected');
  }

  /** What we present to the host on every join: the first, and each return after a drop. */
  private joinRequest(resumeToken?: string): Parameters<SignalingClient['join']>[0] {
    const { room, name, passcode, hostKey } = this.options;
    return { room, name, passcode, hostKey, resumeToken };
  }

  private peerGone(id: string): void {
    this.mesh?.remove(id);
    this.views.forget(id);
    this.sfu?.forget(id);
    this.gestures.peerGone(id);
    this.hostIds.delete(id);
    this.chat.peerGone(id);
    this.files.peerGone(id);
    this.emit('peer-left', id);
  }

  private end(error: CallError): void {
    if (this.finished) return;
    this.emit('ended', error);
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.standby) closeStandby(this.standby);
    this.standby = undefined;
    globalThis.removeEventListener?.('online', this.onNetworkBack);
    this.views.close();
    this.sfu?.close();
    this.sfu = undefined;
    this.mesh?.close();
    this.signaling.close();
    this.removeAllListeners();
  }
}
