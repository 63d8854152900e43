/**
 * `session.defaultSession` as Electron 45 calls into it: permission requests and checks with
 * Electron's names and details, the display-media handler with Electron's callback (which throws
 * for an answer without video when video was asked for), the certificate hook and response headers.
 */
import { assertElectronPermission } from './permissions';
import { requireReady } from './readiness';
import type { StandInWebContents } from './windows';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void;
type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: Record<string, unknown>) => boolean;
type DisplayMediaHandler = (request: Record<string, unknown>, callback: (streams: unknown) => void) => void;
type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void) => void;

export interface DisplayMediaAsk {
  /** The asking frame's URL; null as Electron gives it for a frame that has gone. */
  frameUrl: string | null;
  videoRequested?: boolean;
  audioRequested?: boolean;
  userGesture?: boolean;
}

export type DisplayMediaAnswer = { denied: true } | { denied: false; video: unknown; audio?: unknown };

export class StandInSession {
  permissionRequestHandler: RequestHandler | null = null;
  permissionCheckHandler: CheckHandler | null = null;
  displayMediaHandler: DisplayMediaHandler | null = null;
  displayMediaOptions: { useSystemPicker?: boolean } | undefined;
  certificateVerifyProc: ((request: unknown, callback: (verdict: number) => void) => void) | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener | null): void => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDisplayMediaRequestHandler(handler: DisplayMediaHandler | null, options?: { useSystemPicker?: boolean }): void {
    this.displayMediaHandler = handler;
    this.displayMediaOptions = options;
  }

  setCertificateVerifyProc(proc: StandInSession['certificateVerifyProc']): void {
    this.certificateVerifyProc = proc;
  }

  /**
   * Test control: the page asks for a permission, as Chromium does through Electron's permission
   * manager (shell/browser/electron_permission_manager.cc). Without a handler Electron grants.
   * Details are Electron's PermissionRequest / MediaAccessPermissionRequest.
   */
  requestPermission(contents: StandInWebContents, permission: string, { requestingUrl = contents.getURL(), mediaTypes }: { requestingUrl?: string; mediaTypes?: string[] } = {}): Promise<boolean> {
    assertElectronPermission(permission);
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    const details: Record<string, unknown> = { requestingUrl, isMainFrame: true };
    if (permission === 'media' || permission === 'display-capture') {
      details['securityOrigin'] = new URL(requestingUrl).origin;
      details['mediaTypes'] = mediaTypes ?? [];
    }
    return new Promise((resolve) => {
      let answered = false;
      handler(contents, permission, (granted) => {
        if (answered) return; // Electron's callback is a once-callback.
        answered = true;
        resolve(granted === true);
      }, details);
    });
  }

  /**
   * Test control: Chromium checks a permission (synchronous; without a handler Electron grants all
   * but 'deprecated-sync-clipboard-read'). A 'media' check names one mediaType: 'audio' is also how
   * an output device for setSinkId is authorised.
   */
  checkPermission(contents: StandInWebContents | null, permission: string, requestingUrl = contents?.getURL() ?? '', mediaType?: 'audio' | 'video' | 'unknown'): boolean {
    assertElectronPermission(permission);
    const handler = this.permissionCheckHandler;
    if (!handler) return permission !== 'deprecated-sync-clipboard-read';
    const origin = requestingUrl ? new URL(requestingUrl).origin : '';
    const details: Record<string, unknown> = { requestingUrl, isMainFrame: true };
    if (permission === 'media') Object.assign(details, { mediaType: mediaType ?? 'unknown', securityOrigin: origin });
    return handler(contents, permission, origin, details) === true;
  }

  /**
   * Test control: the page calls getDisplayMedia(). The callback keeps Electron 45's contract
   * (shell/browser/electron_browser_context.cc, DisplayMediaDeviceChosen): null or undefined
   * refuses; anything else must be an object, with a video source whenever video was requested.
   * Like Electron's, it throws into whoever calls it — a timer callback there is an uncaught error.
   */
  requestDisplayMedia({ frameUrl, videoRequested = true, audioRequested = false, userGesture = true }: DisplayMediaAsk): Promise<DisplayMediaAnswer> {
    const handler = this.displayMediaHandler;
    if (!handler) return Promise.resolve({ denied: true });
    const frame = frameUrl === null ? null : { url: frameUrl, parent: null, origin: new URL(frameUrl).origin };
    const request = { frame, securityOrigin: frame?.origin ?? '', videoRequested, audioRequested, userGesture };
    return new Promise((resolve) => {
      let answered = false;
      handler(request, (streams: unknown) => {
        if (answered) throw new Error('callback has already been called');
        if (streams === null || streams === undefined) {
          answered = true;
          return resolve({ denied: true });
        }
        if (typeof streams !== 'object') throw new TypeError('Display Media Request streams callback must be called with null or a valid object');
        const { video, audio } = streams as { video?: unknown; audio?: unknown };
        if (videoRequested && !video) throw new TypeError('Video was requested, but no video stream was provided');
        if (video !== undefined && !isVideoSource(video)) throw new TypeError('video must be a WebFrameMain or DesktopCapturerSource');
        answered = true;
        resolve({ denied: false, video, ...(audio === undefined ? {} : { audio }) });
      });
    });
  }

  /** Test control: a response arrives; what the header hook makes of its headers. */
  receiveHeaders(url: string, responseHeaders: Record<string, string[]> = {}): Record<string, string[]> | undefined {
    if (!this.headersListener) return responseHeaders;
    let result: Record<string, string[]> | undefined;
    this.headersListener({ url, responseHeaders }, (response) => (result = response.responseHeaders));
    return result;
  }
}

function isVideoSource(video: unknown): boolean {
  if (typeof video !== 'object' || video === null) return false;
  const candidate = video as { id?: unknown; url?: unknown };
  return typeof candidate.id === 'string' || typeof candidate.url === 'string';
}

let defaultSession: StandInSession | undefined;

export const session = {
  /** shell/browser/api/electron_api_session.cc: sessions exist only once the app is ready. */
  get defaultSession(): StandInSession {
    requireReady('Session can only be received when app is ready');
    defaultSession ??= new StandInSession();
    return defaultSession;
  },
};
