/**
 * SFU mode's media for the length of a call: the current SfuMedia, made again a second after its
 * link to the host's Janus drops (and again after each failed try) until the call ends. What the
 * call changes meanwhile (a new camera, how a tile shows someone) is kept and applied to the next.
 */
import type { PeerView } from '../../../../shared/peerMessages';
import { CallError } from '../callError';
import type { StatsSource } from '../callStats';
import type { LocalTracks, MediaKind } from '../channels';
import { SfuMedia, type SfuMediaOptions } from './sfuMedia';

/** After the link to the host's media server drops, try again this soon. */
const RETRY_MS = 1000;

export class SfuSession {
  private media: SfuMedia | undefined;
  private closed = false;
  private readonly localTracks: LocalTracks;
  private readonly views = new Map<string, PeerView>();

  constructor(
    private readonly options: SfuMediaOptions,
    private readonly onStream: (peerId: string, stream: MediaStream) => void,
  ) {
    this.localTracks = { ...options.localTracks };
  }

  /** The first start: rejects with a CallError if the media server cannot be reached. */
  async start(): Promise<void> {
    try {
      await this.open();
    } catch (error) {
      throw error instanceof CallError ? error : new CallError('UNREACHABLE', `The host's media server did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  setLocalTrack(kind: MediaKind, track: MediaStreamTrack | null): void {
    this.localTracks[kind] = track;
    this.media?.setLocalTrack(kind, track);
  }

  showAs(peerId: string, view: PeerView): void {
    this.views.set(peerId, view);
    this.media?.showAs(peerId, view);
  }

  statsSources(): Map<string, StatsSource> {
    return this.media?.statsSources() ?? new Map();
  }

  forget(peerId: string): void {
    this.views.delete(peerId);
  }

  close(): void {
    this.closed = true;
    this.media?.close();
    this.media = undefined;
  }

  private async open(): Promise<void> {
    this.media?.close();
    const media = new SfuMedia({ ...this.options, localTracks: this.localTracks });
    this.media = media;
    media.on('peer-stream', this.onStream);
    media.on('error', (error) => console.warn('Parley: media through the host failed', error));
    media.on('lost', () => this.retry(media));
    for (const [peerId, view] of this.views) media.showAs(peerId, view);
    try {
      await media.start();
    } catch (error) {
      media.close();
      throw error;
    }
  }

  private retry(failed: SfuMedia): void {
    setTimeout(() => {
      if (this.closed || this.media !== failed) return;
      this.open().catch((error: unknown) => {
        console.warn('Parley: media through the host failed; trying again', error);
        if (this.media) this.retry(this.media);
      });
    }, RETRY_MS);
  }
}
