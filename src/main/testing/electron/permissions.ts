/**
 * Permission names as Electron 45 passes them to a session's permission handlers, and the ones
 * each renderer feature of Parley makes Chromium ask for.
 *
 * The names are the union in node_modules/electron/electron.d.ts (Session.setPermissionRequestHandler,
 * 45.4.1); the stand-in refuses any other name, so a test cannot ask with a name Electron never uses.
 */
export const ELECTRON_PERMISSIONS = [
  'ar', 'automatic-fullscreen', 'background-fetch', 'background-sync', 'captured-surface-control', 'clipboard-read',
  'clipboard-sanitized-write', 'deprecated-sync-clipboard-read', 'display-capture', 'fileSystem', 'fullscreen',
  'geolocation', 'geolocation-approximate', 'hand-tracking', 'hid', 'idle-detection', 'keyboardLock', 'local-fonts',
  'local-network', 'local-network-access', 'loopback-network', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'nfc',
  'notifications', 'openExternal', 'payment-handler', 'periodic-background-sync', 'persistent-storage', 'pointerLock',
  'screen-wake-lock', 'sensors', 'serial', 'smart-card', 'speaker-selection', 'storage-access', 'system-wake-lock',
  'top-level-storage-access', 'usb', 'vr', 'web-app-installation', 'web-printing', 'window-management', 'unknown',
] as const;

export type ElectronPermission = (typeof ELECTRON_PERMISSIONS)[number];

export interface FeaturePermission {
  /** What the renderer does. */
  feature: string;
  permission: ElectronPermission;
  /** For 'media': which devices (Electron's MediaAccessPermissionRequest.mediaTypes). */
  mediaTypes?: ('audio' | 'video')[];
}

/**
 * What Parley's renderer asks Chromium for, and so what Electron 45 routes to the session's
 * handlers (shell/browser/electron_permission_manager.cc; web_contents_permission_helper.cc):
 * - getUserMedia: request 'media' with mediaTypes; check 'media' with mediaType (enumerateDevices).
 * - getDisplayMedia: request 'display-capture' since 45 (electron/electron#52824; d.ts:
 *   "Both `media` and `display-capture` requests carry a MediaAccessPermissionRequest"), before
 *   the display-media request handler is called: refused there, the handler never runs.
 * - HTMLMediaElement.setSinkId to a chosen speaker: Chromium authorises the output device with the
 *   'media' check (mediaType 'audio'); 'speaker-selection' is Chromium's name for choosing speakers.
 * - navigator.clipboard.writeText: request 'clipboard-sanitized-write' (refused: "Write permission denied.").
 * - Element.requestFullscreen: request 'fullscreen' (refused silently: nothing happens).
 * - Local Network Access: Electron 45 turns Chromium's checks off (shell/browser/feature_list.cc
 *   disables kLocalNetworkAccessChecks), and a file:// page is in the loopback address space anyway
 *   (Chromium's CalculateClientAddressSpace), so LAN requests are not asked today; only
 *   navigator.permissions.query reaches the check handler. Listed so that an Electron that turns
 *   the checks on finds them granted to the app's page: 'local-network-access', split in newer
 *   Chromium into 'local-network' and 'loopback-network'.
 */
export const RENDERER_PERMISSIONS: readonly FeaturePermission[] = [
  { feature: 'camera and microphone (getUserMedia)', permission: 'media', mediaTypes: ['audio', 'video'] },
  { feature: 'microphone alone', permission: 'media', mediaTypes: ['audio'] },
  { feature: 'screen sharing (getDisplayMedia)', permission: 'display-capture', mediaTypes: ['video'] },
  { feature: 'choosing the speaker', permission: 'speaker-selection' },
  { feature: 'Copy (navigator.clipboard.writeText)', permission: 'clipboard-sanitized-write' },
  { feature: 'fullscreen video (requestFullscreen)', permission: 'fullscreen' },
  { feature: 'hosts on the local network', permission: 'local-network-access' },
  { feature: 'hosts on the local network (newer Chromium)', permission: 'local-network' },
  { feature: 'this machine\'s own host (newer Chromium)', permission: 'loopback-network' },
];

export function assertElectronPermission(permission: string): asserts permission is ElectronPermission {
  if (!(ELECTRON_PERMISSIONS as readonly string[]).includes(permission)) {
    throw new Error(`Electron 45 never asks for a permission named '${permission}'`);
  }
}
