/**
 * Security policy for every window: which URLs count as the app itself, default-deny permissions
 * with a small allow-list, no navigation, no new windows, no webviews, and the CSP header.
 * Built from factories that take their configuration, so tests call them without Electron.
 */
import { miniWindowOptions } from './miniWindow';
import { isSafeExternalUrl } from '../shared/safeLink';
import { pathToFileURL } from 'node:url';
import type { PermissionCheckHandlerHandlerDetails, PermissionRequest, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';

export type AppUrlMatcher = (url: string | undefined | null) => boolean;

/**
 * The app's own pages: the dev server's origin while developing, otherwise exactly the packaged
 * index.html (any other file:// URL is not the app).
 */
export function createAppUrlMatcher({ devServerUrl, indexFile }: { devServerUrl?: string; indexFile: string }): AppUrlMatcher {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  const indexUrl = pathToFileURL(indexFile).href;
  return (candidate) => {
    if (!candidate) return false;
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      return false;
    }
    if (devOrigin && url.origin === devOrigin) return true;
    return url.protocol === 'file:' && `file://${url.host}${url.pathname}` === indexUrl;
  };
}

/**
 * Permissions the app's own page may have, each for a feature it offers (docs/SECURITY.md lists
 * them); everything else, and every other page, is refused. The names are Electron 45's.
 */
export const APP_PERMISSIONS: Readonly<Record<string, string>> = {
  media: 'camera and microphone for the call',
  'display-capture': 'screen sharing: Electron 45 asks this before its display-media handler runs',
  // A chosen speaker (setSinkId) is authorised by the 'media' check; this is Chromium's own name for it.
  'speaker-selection': 'playing the call through the speaker the user picked',
  'clipboard-sanitized-write': 'Copy: the invite link and the diagnostics (navigator.clipboard.writeText)',
  fullscreen: 'a video shown full screen',
  // Chromium's Local Network Access: a page's requests to private and loopback addresses, which is
  // what joining or hosting on the LAN is. Electron 45 does not ask (it turns the checks off, and a
  // file:// page counts as loopback); granted so that an Electron that turns them on cannot cut the
  // app off its hosts. Newer Chromium splits the one permission into the other two.
  'local-network-access': 'reaching hosts on the local network and this machine',
  'local-network': 'reaching hosts on the local network',
  'loopback-network': "reaching this machine's own host",
};
const ALLOWED_MEDIA_TYPES = new Set(['audio', 'video']);

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0] & {};
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0] & {};

const isAllowed = (permission: string): boolean => Object.hasOwn(APP_PERMISSIONS, permission);

export function createPermissionHandlers(isAppUrl: AppUrlMatcher): { request: RequestHandler; check: CheckHandler } {
  const request: RequestHandler = (webContents, permission, callback, details) => {
    const url = details.requestingUrl || webContents.getURL();
    const mediaTypes = (details as PermissionRequest & { mediaTypes?: string[] }).mediaTypes ?? [];
    // Camera and microphone only: a 'media' request for anything else is not a call's.
    const mediaOk = permission !== 'media' || mediaTypes.every((type) => ALLOWED_MEDIA_TYPES.has(type));
    callback(isAllowed(permission) && mediaOk && isAppUrl(url));
  };
  const check: CheckHandler = (webContents, permission, requestingOrigin, details: PermissionCheckHandlerHandlerDetails) => {
    const url = details.requestingUrl || webContents?.getURL() || requestingOrigin;
    return isAllowed(permission) && isAppUrl(url);
  };
  return { request, check };
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * Links the system browser may open: plain http(s) addresses of reasonable length, with no user
 * name or password in them. Anything else (file:, javascript:, custom protocols that start other
 * programs) is never handed to the operating system.
 */
export { isSafeExternalUrl };

/**
 * No navigation away from the app, no pop-up windows, no webviews: the renderer is one page.
 * A link that asks for a new window opens in the system browser instead, if it is safe.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal, isAppUrl: AppUrlMatcher = () => false): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    // The one window a page may open: the app's own mini window (see miniWindow.ts).
    const mini = miniWindowOptions(details, isAppUrl(contents.getURL()));
    if (mini) return { action: 'allow', overrideBrowserWindowOptions: mini };
    if (isSafeExternalUrl(details.url)) void openExternal(details.url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/**
 * The CSP as a response header too (the dev server's pages have no meta-only guarantee): the
 * packaged policy for every response, or the one `policyFor` picks by URL (in development, the dev
 * server's own pages get developmentContentSecurityPolicy).
 */
export function applySessionSecurity(session: Session, isAppUrl: AppUrlMatcher, policyFor: (url: string) => string = () => CONTENT_SECURITY_POLICY): void {
  const handlers = createPermissionHandlers(isAppUrl);
  session.setPermissionRequestHandler(handlers.request);
  session.setPermissionCheckHandler(handlers.check);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policyFor(details.url)] },
    });
  });
}
