/**
 * The participant's side of the signaling protocol: one Socket.IO connection to the host, typed
 * with the shared event maps, turning acknowledgements and transport failures into `CallError`s.
 */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type JoinResult,
  type PeerInfo,
  type RelayedSignal,
  type ServerToClientEvents,
  type SignalPayload,
} from '../../../shared/protocol';
import { CallError } from './callError';
import { Emitter } from './emitter';

/** Every request either succeeds or says why within this time: a call never hangs on the host. */
export const REQUEST_TIMEOUT_MS = 8000;

type SignalingEvents = {
  'peer-joined': (peer: PeerInfo) => void;
  'peer-left': (peerId: string) => void;
  signal: (signal: RelayedSignal) => void;
  /** The connection to the host is gone (not after `close()`). */
  lost: (reason: string) => void;
  /** A relayed signal was refused; the call goes on but the UI may want to know. */
  'signal-error': (error: CallError) => void;
};

export class SignalingClient extends Emitter<SignalingEvents> {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private closed = false;

  constructor(readonly url: string) {
    super();
    this.socket = io(url, {
      // Straight to WebSocket: no long-polling round trips, and no CORS question for the app's file:// page.
      transports: ['websocket'],
      autoConnect: false,
      // Rejoining after a drop needs the room state restored; until that exists, a drop ends the call.
      reconnection: false,
      timeout: REQUEST_TIMEOUT_MS,
    });
    this.socket.on('peer-joined', (peer) => this.emit('peer-joined', peer));
    this.socket.on('peer-left', ({ id }) => this.emit('peer-left', id));
    this.socket.on('signal', (signal) => this.emit('signal', signal));
    this.socket.on('disconnect', (reason) => {
      if (!this.closed) this.emit('lost', reason);
    });
  }

  connect(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const cleanup = (): void => {
        this.socket.off('connect', onConnect);
        this.socket.off('connect_error', onError);
      };
      const onConnect = (): void => {
        cleanup();
        resolve();
      };
      const onError = (error: Error): void => {
        cleanup();
        const timedOut = /timeout/i.test(error.message);
        reject(
          new CallError(
            timedOut ? 'TIMEOUT' : 'UNREACHABLE',
            timedOut
              ? `The host at ${this.url} did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`
              : `Could not reach a Parley host at ${this.url}`,
          ),
        );
      };
      this.socket.on('connect', onConnect);
      this.socket.on('connect_error', onError);
      this.socket.connect();
    });
  }

  async join(room: string, name: string): Promise<JoinResult> {
    return unwrap(await this.request(() => this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('join', { room, name, protocolVersion: PROTOCOL_VERSION })));
  }

  async leave(): Promise<void> {
    if (!this.socket.connected) return;
    unwrap(await this.request(() => this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('leave')));
  }

  /** Fire-and-report: negotiation must not wait on the relay's acknowledgement. */
  signal(to: string, payload: SignalPayload): void {
    this.socket.timeout(REQUEST_TIMEOUT_MS).emit('signal', { to, payload }, (error: Error | null, result?: Ack<null>) => {
      if (error) this.emit('signal-error', new CallError('TIMEOUT', 'The host did not relay a message in time'));
      else if (result && !result.ok) this.emit('signal-error', new CallError(result.error.code, result.error.message));
    });
  }

  close(): void {
    this.closed = true;
    this.socket.disconnect();
    this.removeAllListeners();
  }

  private async request<T>(send: () => Promise<Ack<T>>): Promise<Ack<T>> {
    try {
      return await send();
    } catch {
      throw new CallError('TIMEOUT', `The host did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`);
    }
  }
}

function unwrap<T>(result: Ack<T>): T {
  if (result.ok) return result.data;
  throw new CallError(result.error.code, result.error.message);
}
