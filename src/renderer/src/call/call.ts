/**
 * One participation in one room: the signaling connection plus the mesh of peer connections.
 * The UI subscribes to its events and calls `start()` and `leave()`; nothing here knows about React.
 */
import type { JoinResult, PeerInfo } from '../../../shared/protocol';
import { CallError } from './callError';
import { Emitter } from './emitter';
import { Mesh } from './mesh';
import { SignalingClient } from './signalingClient';

export type CallEvents = {
  'peer-joined': (peer: PeerInfo) => void;
  'peer-left': (peerId: string) => void;
  'peer-stream': (peerId: string, stream: MediaStream) => void;
  'peer-connection-state': (peerId: string, state: RTCPeerConnectionState) => void;
  /** The call ended without the user leaving (the host went away). */
  ended: (error: CallError) => void;
};

export interface CallOptions {
  url: string;
  room: string;
  name: string;
  localStream: MediaStream | null;
}

export class Call extends Emitter<CallEvents> {
  private readonly signaling: SignalingClient;
  private mesh: Mesh | undefined;
  private finished = false;

  constructor(private readonly options: CallOptions) {
    super();
    this.signaling = new SignalingClient(options.url);
  }

  /** Connects, joins and offers to everyone present. Rejects with a `CallError`. */
  async start(): Promise<JoinResult> {
    try {
      await this.signaling.connect();
      const joined = await this.signaling.join(this.options.room, this.options.name);
      const mesh = new Mesh({
        selfId: joined.selfId,
        localStream: this.options.localStream,
        send: (to, payload) => this.signaling.signal(to, payload),
      });
      this.mesh = mesh;
      mesh.on('peer-stream', (id, stream) => this.emit('peer-stream', id, stream));
      mesh.on('peer-connection-state', (id, state) => this.emit('peer-connection-state', id, state));
      mesh.on('error', (id, error) => console.warn(`Parley: negotiation with ${id} failed`, error));

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

  /** For diagnostics and tests: the peer connection to one participant. */
  peerConnection(peerId: string): RTCPeerConnection | undefined {
    return this.mesh?.session(peerId)?.pc;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.mesh?.close();
    this.signaling.close();
  }
}
