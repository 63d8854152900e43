/**
 * Screen sharing in the app: Electron routes the page's `getDisplayMedia()` to main's display-media
 * handler. Where the platform has its own picker (recent macOS; Wayland through PipeWire) Electron
 * shows it; otherwise main lists screens and windows (`desktopCapturer`), reduced to id, name and
 * a thumbnail, nudges the page to show Parley's picker, and answers with the source the user chose
 * — or with nothing, which denies the request. Only the app's own page may ask.
 */
import type { IpcResult, ScreenSource } from '../shared/ipc';

/** The parts of Electron's DesktopCapturerSource we read. */
export interface CapturerSource {
  id: string;
  name: string;
  thumbnail: { toDataURL(): string };
}

export interface DisplayMediaRequest {
  frame: { url: string } | null;
}

/** What Electron's callback accepts: a source to capture, or nothing to deny. */
export type DisplayMediaCallback = (streams: { video?: CapturerSource }) => void;

export interface ScreenPickerDeps {
  getSources: () => Promise<CapturerSource[]>;
  isAppUrl: (url: string | undefined) => boolean;
  /** Tells the page a choice is wanted. */
  notify: () => void;
  /** An unanswered request is denied after this long. */
  timeoutMs?: number;
}

interface Pending {
  sources: CapturerSource[];
  callback: DisplayMediaCallback;
  timer: ReturnType<typeof setTimeout>;
}

export class ScreenPicker {
  private pending: Pending | undefined;

  constructor(private readonly deps: ScreenPickerDeps) {}

  /** The display-media request handler. */
  readonly handleRequest = async (request: DisplayMediaRequest, callback: DisplayMediaCallback): Promise<void> => {
    if (!this.deps.isAppUrl(request.frame?.url)) return callback({});
    this.settle(undefined); // a new request replaces one never answered
    let sources: CapturerSource[];
    try {
      sources = await this.deps.getSources();
    } catch {
      return callback({});
    }
    if (sources.length === 0) return callback({});
    const timer = setTimeout(() => this.settle(undefined), this.deps.timeoutMs ?? 60_000);
    this.pending = { sources, callback, timer };
    this.deps.notify();
  };

  /** The choices for the page: ids, names and thumbnails only. */
  sources(): IpcResult<ScreenSource[]> {
    const sources = this.pending?.sources ?? [];
    return { ok: true, data: sources.map(({ id, name, thumbnail }) => ({ id, name, thumbnail: thumbnail.toDataURL() })) };
  }

  /** The user's choice (null: cancelled). An id that was not offered is refused. */
  choose(id: string | null): IpcResult<{ shared: boolean }> {
    if (!this.pending) return { ok: false, error: { code: 'BAD_REQUEST', message: 'No screen sharing request is waiting' } };
    const source = id === null ? undefined : this.pending.sources.find((candidate) => candidate.id === id);
    if (id !== null && !source) return { ok: false, error: { code: 'BAD_REQUEST', message: 'That screen or window was not offered' } };
    this.settle(source);
    return { ok: true, data: { shared: source !== undefined } };
  }

  private settle(source: CapturerSource | undefined): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.callback(source ? { video: source } : {});
  }
}
