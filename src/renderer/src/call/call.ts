/**
 * One participation in one room: the signaling connection plus the mesh of peer connections.
 * The UI subscribes to its events and calls its methods; nothing here knows about React.
 */
import type { MediaState } from '../../../shared/peerMessages';
import type { JoinResult, PeerInfo } from '../../../shared/protocol';
import { CallError } from './callError';
import { Emitter } from './emitter';
import { Mesh, type LocalTracks, type MediaKind } from './mesh';
import { SignalingClient } from './signalingClient';

export type CallEvents = {
  'peer-joined': (peer: PeerInfo) => void;
  'peer-left': (peerId: string) => void;
  'peer-stream': (peerId: string, stream: MediaStream) => void;
  'peer-connection-state': (peerId: string, state: RTCPeerConnectionState) => void;
  'peer-media-state': (peerId: string, state: MediaState) => void;
  /** The call ended without the user leaving (the host went away). */
  ended: (error: CallError) => void;
};

export interface CallOptions {
  url: string;
  room: string;
  name: string;
  localTracks: LocalTracks;
  mediaState: MediaState;
}

export class Call extends Emitter<CallEvents> {
  private readonly signaling: SignalingClient;
  private mesh: Mesh | undefined;
  private finished = false;
  private mediaState: MediaState;
  private localTracks: LocalTracks;

  constructor(private readonly options: CallOptions) {
    super();
    this.signaling = new SignalingClient(options.url);
    this.mediaState = options.mediaState;
    this.localTracks = { ...options.localTracks };
  }

  /** Connects, joins and offers to everyone present. Rejects with a `CallError`. */
  async start(): Promise<JoinResult> {
    try {
      await this.signaling.connect();
      const joined = await this.signaling.join(this.options.room, this.options.name);
      const mesh = new Mesh({
        selfId: joined.selfId,
        localTracks: this.localTracks,
        send: (to, payload) => this.signaling.signal(to, payload),
      });
      this.mesh = mesh;
      mesh.on('peer-stream', (id, stream) => this.emit('peer-stream', id, stream));
      mesh.on('peer-connection-state', (id, state) => this.emit('peer-connection-state', id, state));
      mesh.on('peer-channel-open', (id) => mesh.sendTo(id, { type: 'media-state', state: this.mediaState }));
      mesh.on('peer-message', (id, message) => {
        if (message.type === 'media-state') this.emit('peer-media-state', id, message.state);
      });
      mesh.on('error', (id, error) => console.warn(`Parley: media with ${id} failed`, error));

      this.signaling.on('peer-joined', (peer) => this.emit('peer-joined', peer));
      this.signaling.on('peer-left', (id) => {
        mesh.remove(id);
        this.emit('peer-left', id);
      });
      this.signaling.on('signal', ({ from, payload }) => mesh.receive(from, payload));
      this.signaling.on('signal-error', (error) => console.warn('Parley: signal refused', error));
      this.signaling.on('lost', () => {
        this.finish();
        this.emit('ended', new CallError('HOST_LOST', 'The connection to the host was lost'));
      });

      for (const peer of joined.peers) mesh.connectTo(peer.id);
      return joined;
    } catch (error) {
      this.finish();
      throw error instanceof CallError ? error : new CallError('INTERNAL', String(error));
    }
  }

  /** Sends a different track (a new device, an effect, or none) to everyone, without renegotiating. */
  setLocalTrack(kind: MediaKind, track: MediaStreamTrack | null): void {
    this.localTracks[kind] = track;
    this.mesh?.setLocalTrack(kind, track);
  }

  /** Tells everyone (now, and each newcomer when its channel opens) whether we are muted or off camera. */
  setMediaState(state: MediaState): void {
    this.mediaState = state;
    this.mesh?.broadcast({ type: 'media-state', state });
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

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.mesh?.close();
    this.signaling.close();
  }
}
