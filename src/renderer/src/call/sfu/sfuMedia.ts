/**
 * The media of a call in SFU mode (the join said `sfu`): one peer connection sending our camera
 * (in simulcast layers) and microphone to the host's Janus, and one receiving everyone else's,
 * with each receiver asking for the layer its tiles need. The data channels (chat, files, the
 * control messages) stay peer to peer in the mesh, which in this mode carries no media.
 *
 * Janus's VideoRoom in multistream mode (1.x): the publisher handle joins and publishes; one
 * subscriber handle subscribes to every other publisher as it appears, and each change comes
 * back as a new offer from Janus that we answer. Subscriber work runs one step at a time.
 */
import { SFU_PATH, type SfuAccess } from '../../../../shared/protocol';
import type { PeerView } from '../../../../shared/peerMessages';
import type { LocalTracks, MediaKind } from '../channels';
import { Emitter } from '../emitter';
import type { IceConfig } from '../../../../shared/iceServers';
import { rtcConfiguration } from '../iceConfig';
import { JanusLink, type JanusEvent, type JanusHandle } from './janusLink';
import type { StatsSource } from '../callStats';
import { layerFor, SIMULCAST_ENCODINGS, type LayerChoice } from './layers';
import { sfuStatsSource } from './sfuStats';

export type SfuEvents = {
  'peer-stream': (peerId: string, stream: MediaStream) => void;
  /** The link to the media server is gone (network, or the host ended our access). */
  lost: (error: Error) => void;
  error: (error: unknown) => void;
};

export interface SfuMediaOptions {
  /** The host's https:// address; Janus is reached at its SFU_PATH. */
  hostUrl: string;
  access: SfuAccess;
  selfId: string;
  localTracks: LocalTracks;
  ice?: IceConfig;
}

interface Publisher {
  id: number;
  display?: string;
}

interface ForwardedStream {
  peerId: string;
  kind: MediaKind;
}

export class SfuMedia extends Emitter<SfuEvents> {
  private link: JanusLink | undefined;
  private publisherHandle: JanusHandle | undefined;
  private subscriberHandle: JanusHandle | undefined;
  private sending: RTCPeerConnection | undefined;
  private receiving: RTCPeerConnection | undefined;
  private readonly senders: Partial<Record<MediaKind, RTCRtpSender>> = {};
  private readonly localTracks: LocalTracks;
  private privateId: number | undefined;
  /** Janus feed id → Parley peer id (the host makes every publisher's display its own id). */
  private readonly feeds = new Map<number, string>();
  private readonly subscribed = new Set<number>();
  /** What the receiving connection's each mid carries. */
  private readonly forwarded = new Map<string, ForwardedStream>();
  private readonly streams = new Map<string, MediaStream>();
  private readonly views = new Map<string, LayerChoice>();
  /** Per peer: the layer choice Janus confirmed (mids, send, substream), so only changes are asked for. */
  private readonly applied = new Map<string, string>();
  /** A layer update is waiting in the queue: later view changes join it instead of queueing their own. */
  private layersQueued = false;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: SfuMediaOptions) {
    super();
    this.localTracks = { ...options.localTracks };
  }

  async start(): Promise<void> {
    const url = new URL(SFU_PATH, this.options.hostUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('access', this.options.access.token);
    const link = await JanusLink.open(url.href);
    this.link = link;
    link.onClose = (error) => {
      if (!this.closed) this.emit('lost', error);
    };
    const handle = await link.attach();
    this.publisherHandle = handle;
    handle.onEvent = (event) => this.onPublisherEvent(event);
    const joined = await handle.request({ request: 'join', ptype: 'publisher', room: this.options.access.janusRoom });
    this.privateId = Number(joined.data['private_id']);
    await this.publish(handle);
    this.addPublishers(joined.data['publishers']);
  }

  /** Sends this track (or nothing) from now on, without renegotiating. */
  setLocalTrack(kind: MediaKind, track: MediaStreamTrack | null): void {
    this.localTracks[kind] = track;
    this.senders[kind]?.replaceTrack(track).catch((error: unknown) => this.emit('error', error));
  }

  /** How we show this peer's camera: Janus forwards the layer that needs, or none. */
  showAs(peerId: string, view: PeerView): void {
    this.views.set(peerId, layerFor(view));
    if (this.layersQueued) return;
    this.layersQueued = true;
    this.enqueue(() => {
      this.layersQueued = false;
      return this.applyLayers();
    });
  }

  /** Per participant whose streams arrive, what the statistics read for them (sfuStats.ts). */
  statsSources(): Map<string, StatsSource> {
    const mids = new Map<string, Set<string>>();
    for (const [mid, { peerId }] of this.forwarded) mids.set(peerId, (mids.get(peerId) ?? new Set()).add(mid));
    return new Map([...mids].map(([peerId, theirs]) => [peerId, sfuStatsSource(this.receiving, this.sending, theirs)]));
  }

  close(): void {
    this.closed = true;
    this.link?.close();
    this.sending?.close();
    this.receiving?.close();
    this.removeAllListeners();
  }

  private async publish(handle: JanusHandle): Promise<void> {
    const pc = new RTCPeerConnection(rtcConfiguration(this.options.ice));
    this.sending = pc;
    pc.onicecandidate = ({ candidate }) => handle.trickle(candidate);
    const outgoing = new MediaStream();
    this.senders.audio = pc.addTransceiver(this.localTracks.audio ?? 'audio', { direction: 'sendonly', streams: [outgoing] }).sender;
    this.senders.video = pc.addTransceiver(this.localTracks.video ?? 'video', {
      direction: 'sendonly',
      streams: [outgoing],
      sendEncodings: SIMULCAST_ENCODINGS.map((encoding) => ({ ...encoding })),
    }).sender;
    await pc.setLocalDescription(await pc.createOffer());
    const configured = await handle.request({ request: 'publish' }, pc.localDescription!);
    if (!configured.jsep) throw new Error('The media server did not answer our offer');
    await pc.setRemoteDescription(configured.jsep);
  }

  private onPublisherEvent({ data }: JanusEvent): void {
    if (data['publishers']) this.addPublishers(data['publishers']);
    // A publisher gone: its streams stop; Janus renegotiates our subscription (onSubscriberEvent).
    for (const key of ['unpublished', 'leaving']) {
      const id = data[key];
      if (typeof id === 'number') {
        this.subscribed.delete(id);
        this.feeds.delete(id);
      }
    }
  }

  private addPublishers(list: unknown): void {
    if (!Array.isArray(list)) return;
    const fresh: number[] = [];
    for (const publisher of list as Publisher[]) {
      if (typeof publisher.id !== 'number' || publisher.display === this.options.selfId || this.subscribed.has(publisher.id)) continue;
      if (typeof publisher.display === 'string') this.feeds.set(publisher.id, publisher.display);
      this.subscribed.add(publisher.id);
      fresh.push(publisher.id);
    }
    if (fresh.length > 0) this.enqueue(() => this.subscribe(fresh));
  }

  /** The first subscription joins as a subscriber; later ones add streams to it. */
  private async subscribe(feeds: number[]): Promise<void> {
    const streams = feeds.map((feed) => ({ feed }));
    if (!this.subscriberHandle) {
      const handle = await this.link!.attach();
      this.subscriberHandle = handle;
      handle.onEvent = (event) => {
        // Janus's own renegotiations (a publisher left): answered in turn.
        if (event.jsep) this.enqueue(() => this.answer(event));
      };
      const attached = await handle.request({ request: 'join', ptype: 'subscriber', room: this.options.access.janusRoom, private_id: this.privateId, streams });
      await this.answer(attached);
    } else {
      await this.answer(await this.subscriberHandle.request({ request: 'subscribe', streams }));
    }
  }

  /** Janus offers what it will forward; we answer, and learn which mid is whose. */
  private async answer(event: JanusEvent): Promise<void> {
    this.learnStreams(event.data['streams']);
    if (!event.jsep || !this.subscriberHandle) return;
    const pc = this.receivingConnection(this.subscriberHandle);
    await pc.setRemoteDescription(event.jsep);
    await pc.setLocalDescription(await pc.createAnswer());
    await this.subscriberHandle.request({ request: 'start' }, pc.localDescription!);
    await this.applyLayers();
  }

  private receivingConnection(handle: JanusHandle): RTCPeerConnection {
    if (this.receiving) return this.receiving;
    const pc = new RTCPeerConnection(rtcConfiguration(this.options.ice));
    this.receiving = pc;
    pc.onicecandidate = ({ candidate }) => handle.trickle(candidate);
    pc.ontrack = ({ track, transceiver }) => {
      const forwarded = transceiver.mid === null ? undefined : this.forwarded.get(transceiver.mid);
      if (!forwarded) return;
      const previous = this.streams.get(forwarded.peerId)?.getTracks().filter((t) => t.kind !== track.kind) ?? [];
      const stream = new MediaStream([...previous, track]);
      this.streams.set(forwarded.peerId, stream);
      this.emit('peer-stream', forwarded.peerId, stream);
    };
    return pc;
  }

  private learnStreams(streams: unknown): void {
    if (!Array.isArray(streams)) return;
    for (const stream of streams as { mid?: string; type?: string; feed_id?: number; feed_display?: string; active?: boolean }[]) {
      if (typeof stream.mid !== 'string') continue;
      const peerId = stream.feed_display ?? (stream.feed_id === undefined ? undefined : this.feeds.get(stream.feed_id));
      if (stream.active === false || !peerId || (stream.type !== 'audio' && stream.type !== 'video')) this.forwarded.delete(stream.mid);
      else this.forwarded.set(stream.mid, { peerId, kind: stream.type });
    }
  }

  /**
   * Tells Janus which layer of each peer's camera to forward us, for every peer whose choice
   * changed, in one request: a window hidden or a layout changed touches every tile at once, and
   * one request per peer, one after the other, took seconds to settle on a loaded machine. What
   * Janus refused stays unapplied, so the next update asks for it again.
   */
  private async applyLayers(): Promise<void> {
    const handle = this.subscriberHandle;
    if (!handle) return;
    const changed = new Map<string, string>();
    const streams: { mid: string; send: boolean; substream: number }[] = [];
    for (const [peerId, choice] of this.views) {
      const mids = [...this.forwarded].filter(([, stream]) => stream.peerId === peerId && stream.kind === 'video').map(([mid]) => mid);
      const key = `${mids.join(',')}:${choice.send}:${choice.substream}`;
      if (mids.length === 0 || this.applied.get(peerId) === key) continue;
      changed.set(peerId, key);
      for (const mid of mids) streams.push({ mid, send: choice.send, substream: choice.substream });
    }
    if (streams.length === 0) return;
    await handle.request({ request: 'configure', streams });
    for (const [peerId, key] of changed) this.applied.set(peerId, key);
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      if (!this.closed) this.emit('error', error);
    });
  }
}
