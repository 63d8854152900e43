/**
 * Screen sharing in the app: Electron routes the page's `getDisplayMedia()` to main's display-media
 * handler. Where the platform has its own picker Electron or the system shows it: macOS 15+ with
 * `useSystemPicker` (the handler is then not called at all), and Linux on Wayland, where
 * `desktopCapturer.getSources` itself opens the desktop portal's picker and returns the one source
 * the user chose. Otherwise main lists screens and windows, reduced to id, name and a thumbnail,
 * nudges the page to show Parley's picker, and answers with the source the user chose.
 *
 * Electron 45's callback refuses only with null (or undefined): an object without `video` when
 * video was requested throws "Video was requested, but no video stream was provided" — from a
 * timer, an uncaught exception in main. Only the app's own page may ask.
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

/** Electron's callback: the source to capture, or null to refuse. */
export type DisplayMediaCallback = (streams: { video: CapturerSource } | null) => void;

export interface ScreenPickerDeps {
  getSources: () => Promise<CapturerSource[]>;
  isAppUrl: (url: string | undefined) => boolean;
  /** Tells the page a choice is wanted. */
  notify: () => void;
  /** False when the OS refuses this app screen recording (macOS): refused at once, nothing listed. */
  osAllowsCapture?: () => boolean;
  /** getSources() already asked the user through the system's picker (Wayland): no second picker. */
  systemPicksSource?: boolean;
  /** An unanswered request is refused after this long. */
  timeoutMs?: number;
  /** Where an answer Electron would not take is reported (it must never escape as an exception). */
  onError?: (error: unknown) => void;
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
    if (!this.deps.isAppUrl(request.frame?.url)) return this.answer(callback, undefined);
    this.settle(undefined); // a new request replaces one never answered
    if (this.deps.osAllowsCapture && !this.deps.osAllowsCapture()) return this.answer(callback, undefined);
    let sources: CapturerSource[];
    try {
      sources = await this.deps.getSources();
    } catch (error) {
      this.deps.onError?.(error);
      return this.answer(callback, undefined);
    }
    // The system's picker chose (one source) or was cancelled (none): nothing left to ask.
    if (this.deps.systemPicksSource && sources.length <= 1) return this.answer(callback, sources[0]);
    if (sources.length === 0) return this.answer(callback, undefined);
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
    this.answer(pending.callback, source);
  }

  private answer(callback: DisplayMediaCallback, source: CapturerSource | undefined): void {
    try {
      callback(source ? { video: source } : null);
    } catch (error) {
      // Electron throws when the asking frame is gone by now; the request is over either way.
      this.deps.onError?.(error);
    }
  }
}

/**
 * Whether getSources() shows the system's own picker: Linux on Wayland, where it returns the one
 * source chosen in the desktop portal (docs/api/desktop-capturer.md, PipeWire). Electron runs on
 * Wayland by default since 38 when the session is a Wayland one (docs/breaking-changes.md, 38.0:
 * `--ozone-platform=auto`, decided by XDG_SESSION_TYPE), unless told otherwise on the command line.
 */
export function systemPicksScreenSource({ platform, env, ozonePlatform }: { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; ozonePlatform: string }): boolean {
  if (platform !== 'linux') return false;
  if (ozonePlatform === 'x11') return false;
  if (ozonePlatform === 'wayland') return true;
  return env['XDG_SESSION_TYPE'] === 'wayland';
}
