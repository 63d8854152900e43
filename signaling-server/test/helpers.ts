/** Real socket.io-client connections to a real server on port 0, closed after each test. */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type JoinRequest,
  type JoinResult,
  type ServerToClientEvents,
} from '../../src/shared/protocol';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

const open: TestClient[] = [];

export interface ConnectOptions {
  /** Sent as the Origin header, as a browser page would. */
  origin?: string;
  /** Another loopback address (127.0.0.2…) to look like another machine. */
  localAddress?: string;
}

export async function connect(url: string, options: ConnectOptions = {}): Promise<TestClient> {
  const socket: TestClient = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(options.origin ? { extraHeaders: { Origin: options.origin } } : {}),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  } as Parameters<typeof io>[1]);
  open.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function join(socket: TestClient, room: string, name: string): Promise<Ack<JoinResult>> {
  return socket.timeout(2000).emitWithAck('join', { room, name, protocolVersion: PROTOCOL_VERSION });
}

export async function joined(url: string, room: string, name: string): Promise<{ socket: TestClient; self: JoinResult }> {
  const socket = await connect(url);
  const result = await join(socket, room, name);
  if (!result.ok) throw new Error(`join failed: ${result.error.code}`);
  return { socket, self: result.data };
}

/** Resolves with the next event's argument, or rejects after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestClient,
  event: E,
  ms = 2000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    // socket.io-client's typed `once` cannot express a generic event key; the cast stays local.
    (socket as unknown as { once(e: string, f: (arg: unknown) => void): void }).once(event, (arg) => {
      clearTimeout(timer);
      resolve(arg as Parameters<ServerToClientEvents[E]>[0]);
    });
  });
}

/** Collects every event of one kind, to assert later that something did NOT arrive. */
export function record<E extends keyof ServerToClientEvents>(socket: TestClient, event: E): unknown[] {
  const seen: unknown[] = [];
  (socket as unknown as { on(e: string, f: (arg: unknown) => void): void }).on(event, (arg) => seen.push(arg));
  return seen;
}

export function closeAllClients(): void {
  for (const socket of open.splice(0)) socket.disconnect();
}

export const OFFER = { kind: 'description', description: { type: 'offer', sdp: 'v=0\r\n' } } as const;

/** A join with any of the optional fields (passcode, host key, resume token). */
export function joinWith(socket: TestClient, request: Partial<JoinRequest> & { room: string; name: string }): Promise<Ack<JoinResult>> {
  return socket.timeout(2000).emitWithAck('join', { protocolVersion: PROTOCOL_VERSION, ...request });
}

/** Ends the transport without a `leave`, as a dropped network does. */
export function dropConnection(socket: TestClient): void {
  socket.io.engine.close();
}
