/**
 * One WebSocket to Janus's JSON API (https://janus.conf.meetecho.com/docs/rest.html), as the
 * Parley host uses it for itself: a session kept alive, one VideoRoom handle, requests matched to
 * their answers by transaction. Participants never use this: their traffic goes through
 * janusProxy.ts.
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { JANUS_PROTOCOL, JanusError } from '../../../src/shared/janus';

/** Janus ends a session after 60 s without a request; a keepalive every 25 s keeps ours. */
const KEEPALIVE_MS = 25_000;
const REQUEST_TIMEOUT_MS = 8_000;

type JanusMessage = Record<string, unknown> & { janus?: string; transaction?: string };

export class JanusConnection {
  private readonly waiting = new Map<string, { resolve: (message: JanusMessage) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private keepalive: NodeJS.Timeout | undefined;
  private sessionId: number | undefined;
  private handleId: number | undefined;
  /** Set once the connection is gone: requests fail at once, saying why. */
  private lost: Error | undefined;

  private constructor(
    private readonly socket: WebSocket,
    private readonly apiSecret: string,
  ) {
    socket.on('message', (data) => this.onMessage(String(data)));
    socket.on('close', () => this.fail(new JanusError('The connection to Janus closed')));
    socket.on('error', (error) => this.fail(new JanusError(`Janus: ${error.message}`)));
  }

  /** Connects, opens a session and attaches to VideoRoom; fails with the address if Janus is not there. */
  static async open(url: string, apiSecret: string): Promise<JanusConnection> {
    const socket = new WebSocket(url, JANUS_PROTOCOL);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', (error) => reject(new JanusError(`Cannot reach Janus at ${url}: ${error.message}`)));
    });
    const connection = new JanusConnection(socket, apiSecret);
    try {
      const session = await connection.send({ janus: 'create' });
      connection.sessionId = Number((session['data'] as { id: number }).id);
      const handle = await connection.send({ janus: 'attach', session_id: connection.sessionId, plugin: 'janus.plugin.videoroom' });
      connection.handleId = Number((handle['data'] as { id: number }).id);
    } catch (error) {
      connection.close();
      throw error;
    }
    connection.keepalive = setInterval(() => {
      connection.send({ janus: 'keepalive', session_id: connection.sessionId }).catch(() => undefined);
    }, KEEPALIVE_MS);
    return connection;
  }

  /**
   * A synchronous VideoRoom request (create, destroy, allowed, kick): its `plugindata.data`, or a
   * JanusError with VideoRoom's own code and reason.
   */
  async videoRoom(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.send({ janus: 'message', session_id: this.sessionId, handle_id: this.handleId, body });
    const data = ((answer['plugindata'] as { data?: Record<string, unknown> } | undefined)?.data ?? {}) as Record<string, unknown>;
    if (typeof data['error_code'] === 'number') throw new JanusError(`Janus VideoRoom: ${String(data['error'])}`, data['error_code']);
    return data;
  }

  close(): void {
    clearInterval(this.keepalive);
    this.fail(new JanusError('The connection to Janus was closed'));
    this.socket.close();
  }

  private send(message: JanusMessage): Promise<JanusMessage> {
    if (this.lost) return Promise.reject(this.lost);
    const transaction = randomBytes(9).toString('base64url');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(transaction);
        reject(new JanusError(`Janus did not answer "${message.janus}" within ${REQUEST_TIMEOUT_MS / 1000} s`));
      }, REQUEST_TIMEOUT_MS);
      this.waiting.set(transaction, { resolve, reject, timer });
      this.socket.send(JSON.stringify({ ...message, transaction, apisecret: this.apiSecret }));
    });
  }

  private onMessage(text: string): void {
    let message: JanusMessage;
    try {
      message = JSON.parse(text) as JanusMessage;
    } catch {
      return;
    }
    const pending = message.transaction === undefined ? undefined : this.waiting.get(message.transaction);
    // Events for the session: none expected, the host asks only synchronous things. A keepalive
    // is answered "ack", everything else the host sends "success" or "error".
    if (!pending) return;
    this.waiting.delete(message.transaction!);
    clearTimeout(pending.timer);
    if (message.janus === 'error') {
      const error = message['error'] as { code?: number; reason?: string } | undefined;
      pending.reject(new JanusError(`Janus: ${error?.reason ?? 'error'}`, error?.code));
    } else pending.resolve(message);
  }

  private fail(error: Error): void {
    clearInterval(this.keepalive);
    this.lost ??= error;
    for (const { reject, timer } of this.waiting.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.waiting.clear();
  }
}
