/**
 * The participant's side of the signaling protocol: one Socket.IO connection to the host, typed
 * with the shared event maps, turning acknowledgements and transport failures into `CallError`s.
 *
 * Once in a room, a dropped connection is re-established with back-off (Socket.IO's own
 * reconnection), and the owner rejoins with its resume token. Signals sent meanwhile wait in a
 * queue until the rejoin succeeds, so none reaches the server before we are back in the room.
 */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type FarewellReason,
  type JoinRequest,
  type JoinResult,
  type PeerJoined,
  type RelayedSignal,
  type RoomState,
  type ServerToClientEvents,
  type SignalPayload,
} from '../../../shared/protocol';
import { CallError } from './callError';
import { Emitter } from './emitter';
import { SignalBacklog } from '../../../shared/signalBacklog';

/** Every request either succeeds or says why within this time: a call never hangs on the host. */
export const REQUEST_TIMEOUT_MS = 8000;
/** Reconnection back-off: first retry after about this long… */
export const RECONNECT_DELAY_MS = 250;
/** …doubling up to this, so a returning network is noticed within two seconds. */
export const RECONNECT_DELAY_MAX_MS = 2000;
/** After this long without the host, the call ends (the host's grace for us has long passed). */
export const GIVE_UP_AFTER_MS = 60_000;

type SignalingEvents = {
  'peer-joined': (peer: PeerJoined) => void;
  'peer-left': (peerId: string) => void;
  'peer-returned': (peerId: string) => void;
  signal: (signal: RelayedSignal) => void;
  'room-state': (state: RoomState) => void;
  /** The server is sending us away for good. */
  farewell: (reason: FarewellReason) => void;
  /** The connection dropped; reconnection is under way. */
  reconnecting: () => void;
  /** A new connection is up: rejoin (with the resume token) before anything else. */
  reconnected: () => void;
  /** The host is gone for good (not after `close()`). */
  lost: (reason: string) => void;
  /** A relayed signal was refused; the call goes on but the UI may want to know. */
  'signal-error': (error: CallError) => void;
};

export class SignalingClient extends Emitter<SignalingEvents> {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly pending = new SignalBacklog<{ to: string; payload: SignalPayload }>((signal) => signal.to);
  private closed = false;
  /** In a room on the current connection: signals may go straight out. */
  private inRoom = false;
  private giveUpTimer: ReturnType<typeof setTimeout> | undefined;
  private connecting: Promise<void> | undefined;

  constructor(readonly url: string) {
    super();
    this.socket = io(url, {
      // Straight to WebSocket: no long-polling round trips, and no CORS question for the app's file:// page.
      transports: ['websocket'],
      autoConnect: false,
      // Off for the first connection (its failure is reported at once); on once we are in a room.
      reconnection: false,
      reconnectionDelay: RECONNECT_DELAY_MS,
      reconnectionDelayMax: RECONNECT_DELAY_MAX_MS,
      randomizationFactor: 0.3,
      timeout: REQUEST_TIMEOUT_MS,
    });
    this.socket.on('peer-joined', (peer) => this.emit('peer-joined', peer));
    this.socket.on('peer-left', ({ id }) => {
      this.pending.forget(id);
      this.emit('peer-left', id);
    });
    this.socket.on('peer-returned', ({ id }) => this.emit('peer-returned', id));
    this.socket.on('signal', (signal) => this.emit('signal', signal));
    this.socket.on('room-state', (state) => this.emit('room-state', state));
    this.socket.on('farewell', ({ reason }) => {
      this.closed = true;
      this.emit('farewell', reason);
    });
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.socket.io.on('reconnect', () => {
      clearTimeout(this.giveUpTimer);
      if (!this.closed) this.emit('reconnected');
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /**
   * Connects, or waits for the connection already under way (asking Socket.IO to connect again
   * while it is connecting would send a second CONNECT, which the server answers by closing).
   */
  connect(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    this.connecting ??= new Promise<void>((resolve, reject) => {
      const cleanup = (): void => {
        this.connecting = undefined;
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
    return this.connecting;
  }

  /** Joins (or, with a resume token, rejoins) a room; queued signals go out once it succeeds. */
  async join(request: Omit<JoinRequest, 'protocolVersion'>): Promise<JoinResult> {
    const full: JoinRequest = { ...request, protocolVersion: PROTOCOL_VERSION };
    const result = unwrap<JoinResult>(await this.request(() => this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('join', full)));
    this.inRoom = true;
    // From now on a drop is survivable: reconnect by ourselves (and see reconnectNow).
    this.socket.io.reconnection(true);
    for (const { to, payload } of this.pending.drain()) this.signal(to, payload);
    return result;
  }

  async leave(): Promise<void> {
    if (!this.socket.connected) return;
    unwrap(await this.request(() => this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('leave')));
    this.inRoom = false;
  }

  async setLocked(locked: boolean): Promise<RoomState> {
    return unwrap(await this.request(() => this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('room:lock', { locked })));
  }

  async remove(peerId: string): Promise<void> {
    unwrap(await this.request(() => this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('room:remove', { peerId })));
  }

  /** Fire-and-report: negotiation must not wait on the relay's acknowledgement. */
  signal(to: string, payload: SignalPayload): void {
    if (!this.inRoom || !this.socket.connected) {
      this.pending.push({ to, payload });
      return;
    }
    this.socket.timeout(REQUEST_TIMEOUT_MS).emit('signal', { to, payload }, (error: Error | null, result?: Ack<null>) => {
      if (error) this.emit('signal-error', new CallError('TIMEOUT', 'The host did not relay a message in time'));
      else if (result && !result.ok) this.emit('signal-error', new CallError(result.error.code, result.error.message));
    });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.giveUpTimer);
    this.socket.io.reconnection(false);
    this.socket.disconnect();
    this.removeAllListeners();
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    this.inRoom = false;
    if (this.closed) return;
    // The server closed us on purpose without a farewell (it dropped a misbehaving or replaced
    // connection): Socket.IO does not reconnect after that, and neither do we.
    if (reason === 'io server disconnect' || !this.socket.io.reconnection()) {
      this.emit('lost', reason);
      return;
    }
    this.emit('reconnecting');
    clearTimeout(this.giveUpTimer);
    this.giveUpTimer = setTimeout(() => {
      if (this.socket.connected || this.closed) return;
      this.emit('lost', 'the host did not come back');
      this.close();
    }, GIVE_UP_AFTER_MS);
  }

  /** The network changed: the old connection may be dead without knowing it, so start a new one. */
  reconnectNow(): void {
    if (this.closed) return;
    // Signals sent from now on wait for the rejoin: until the close is noticed (a moment later)
    // the old socket still reads as connected, and what went out on it would be lost.
    if (this.socket.io.engine) this.inRoom = false;
    this.socket.io.engine?.close();
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
