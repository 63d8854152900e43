/**
 * A small typed client for the parts of Janus's JSON API that Parley uses: one session over one
 * WebSocket (through the host's `/janus`, see signaling-server/src/janus/janusProxy.ts), VideoRoom
 * handles, requests matched to their answers by transaction, the events Janus sends a handle,
 * trickled candidates, keepalives.
 *
 * Why not janus.js (the `janus-gateway` package): it is written for a page that loads it as a
 * global script with adapter.js, and manages peer connections, media capture and its own
 * reconnection, all of which Parley does itself. What is needed here is ~150 lines.
 */
import { JANUS_PROTOCOL, JanusError } from '../../../../shared/janus';

const KEEPALIVE_MS = 25_000;
const REQUEST_TIMEOUT_MS = 10_000;

export interface JanusEvent {
  /** VideoRoom's answer or news (`plugindata.data`). */
  data: Record<string, unknown>;
  jsep?: RTCSessionDescriptionInit;
}

type Message = Record<string, unknown>;

export class JanusHandle {
  /** Events for this handle that answer no request of ours: new publishers, leavers, hangups. */
  onEvent: (event: JanusEvent) => void = () => undefined;
  /** Janus tells us the peer connection is up (`webrtcup`) or gone (`hangup`). */
  onState: (state: 'webrtcup' | 'hangup') => void = () => undefined;

  constructor(
    private readonly link: JanusLink,
    readonly id: number,
  ) {}

  /**
   * A VideoRoom request; resolves with its answer, which for asynchronous requests (join,
   * publish, start...) is the event Janus sends later under the same transaction.
   */
  async request(body: Message, jsep?: RTCSessionDescriptionInit): Promise<JanusEvent> {
    const answer = await this.link.send({ janus: 'message', handle_id: this.id, body, ...(jsep ? { jsep: { type: jsep.type, sdp: jsep.sdp } } : {}) }, true);
    const event = toEvent(answer);
    if (typeof event.data['error_code'] === 'number') throw new JanusError(`Janus: ${String(event.data['error'])}`, event.data['error_code']);
    return event;
  }

  trickle(candidate: RTCIceCandidate | null): void {
    const payload = candidate ? { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex } : { completed: true };
    void this.link.send({ janus: 'trickle', handle_id: this.id, candidate: payload }, false).catch(() => undefined);
  }
}

export class JanusLink {
  private readonly waiting = new Map<string, { resolve: (message: Message) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout>; untilEvent: boolean }>();
  private readonly handles = new Map<number, JanusHandle>();
  private sessionId: number | undefined;
  private keepalive: ReturnType<typeof setInterval> | undefined;
  private counter = 0;
  private gone: Error | undefined;
  /** The link closed (the host ended our access, or the network went): the call decides what next. */
  onClose: (error: Error) => void = () => undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', ({ data }) => this.receive(String(data)));
    socket.addEventListener('close', ({ code }) => this.fail(new JanusError(code === 4003 ? 'The host ended our access to its media server' : 'The connection to the media server closed', code)));
  }

  static async open(url: string): Promise<JanusLink> {
    const socket = new WebSocket(url, JANUS_PROTOCOL);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new JanusError('Could not reach the host\'s media server')), { once: true });
    });
    const link = new JanusLink(socket);
    const created = await link.send({ janus: 'create' }, false);
    link.sessionId = Number((created['data'] as { id: number }).id);
    link.keepalive = setInterval(() => void link.send({ janus: 'keepalive' }, false).catch(() => undefined), KEEPALIVE_MS);
    return link;
  }

  async attach(): Promise<JanusHandle> {
    const attached = await this.send({ janus: 'attach', plugin: 'janus.plugin.videoroom' }, false);
    const handle = new JanusHandle(this, Number((attached['data'] as { id: number }).id));
    this.handles.set(handle.id, handle);
    return handle;
  }

  close(): void {
    clearInterval(this.keepalive);
    this.onClose = () => undefined;
    this.fail(new JanusError('closed'));
    this.socket.close();
  }

  /** `untilEvent`: an asynchronous request, answered by an event after Janus's "ack". */
  send(message: Message, untilEvent: boolean): Promise<Message> {
    if (this.gone) return Promise.reject(this.gone);
    const transaction = `p${++this.counter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(transaction);
        reject(new JanusError(`The media server did not answer "${String(message['janus'])}" in time`));
      }, REQUEST_TIMEOUT_MS);
      this.waiting.set(transaction, { resolve, reject, timer, untilEvent });
      this.socket.send(JSON.stringify({ ...message, transaction, ...(this.sessionId === undefined ? {} : { session_id: this.sessionId }) }));
    });
  }

  private receive(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return;
    }
    const kind = message['janus'];
    const pending = typeof message['transaction'] === 'string' ? this.waiting.get(message['transaction']) : undefined;
    if (pending && !(kind === 'ack' && pending.untilEvent)) {
      this.waiting.delete(message['transaction'] as string);
      clearTimeout(pending.timer);
      if (kind === 'error') {
        const error = message['error'] as { code?: number; reason?: string } | undefined;
        pending.reject(new JanusError(`Janus: ${error?.reason ?? 'error'}`, error?.code));
      } else pending.resolve(message);
      return;
    }
    const handle = this.handles.get(Number(message['sender']));
    if (!handle) return;
    if (kind === 'event') handle.onEvent(toEvent(message));
    else if (kind === 'webrtcup' || kind === 'hangup') handle.onState(kind);
  }

  private fail(error: Error): void {
    clearInterval(this.keepalive);
    if (this.gone) return;
    this.gone = error;
    for (const { reject, timer } of this.waiting.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.waiting.clear();
    this.onClose(error);
  }
}

function toEvent(message: Message): JanusEvent {
  const data = ((message['plugindata'] as { data?: Message } | undefined)?.data ?? {}) as Message;
  const jsep = message['jsep'] as RTCSessionDescriptionInit | undefined;
  return jsep ? { data, jsep } : { data };
}
