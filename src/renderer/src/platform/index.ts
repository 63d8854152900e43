/**
 * The bridge the UI talks to. In the desktop app it wraps `window.parley` (from preload); in a
 * browser that opened the host's page it falls back to what a web page can do: no hosting, no OS
 * permission settings, downloads instead of a save dialog, and the host address and room taken
 * from the page's own address.
 */
import type { DesktopNotification, ParleyBridge } from '../../../shared/ipc';
import { hostKeyOfFragment } from '../../../shared/organiserLink';
import { browserNotifier } from './browserNotifications';

export interface JoinSuggestion {
  hostAddress?: string;
  room?: string;
  /** A headless host's organiser link carries its host key in the fragment (`#host-key=…`), which browsers never send. */
  hostKey?: string;
}

export interface SaveOutcome {
  saved: boolean;
  /** Where it went, to tell the user; undefined when the browser decides (its downloads). */
  location?: string;
  error?: string;
}

export interface Platform {
  kind: 'desktop' | 'browser';
  /** Present only where this machine can host (the desktop app). */
  hosting: ParleyBridge['hosting'] | null;
  /** The operating system's camera/microphone permission (desktop app only). */
  mediaAccess: ParleyBridge['mediaAccess'] | null;
  /** Certificate pinning (desktop app only; a browser judges certificates itself). */
  trust: ParleyBridge['trust'] | null;
  /** Invite links the system opened the app with (desktop app only). */
  invites: ParleyBridge['invites'] | null;
  /** Parley's own screen picker, where the system has none (desktop app only). */
  screenPicker: ParleyBridge['screenPicker'] | null;
  /** Rooms announced on the local network (desktop app only: browsers cannot listen to mDNS). */
  discovery: ParleyBridge['discovery'] | null;
  /** Where the page reports its call (desktop app only: main keeps the display awake). */
  call: ParleyBridge['call'] | null;
  /** Where the page reports the language and appearance chosen in settings (desktop app only). */
  preferences: ParleyBridge['preferences'] | null;
  /** The global mute shortcut's state in main (desktop app only). */
  shortcut: ParleyBridge['shortcut'] | null;
  /**
   * A system notification while the page is not in front: main's Notification in the app, the
   * Notification API in a browser (once allowed). Resolves to whether one was shown.
   */
  notify(notification: DesktopNotification): Promise<boolean>;
  /** Asks for the browser's permission to notify (a browser needs a click to ask); nothing in the app. */
  askToNotify(): void;
  /** Brings the app's main window back (desktop app only; a browser tab cannot raise itself). */
  showWindow: (() => void) | null;
  /** macOS: shortcuts read ⌘ rather than Ctrl. */
  isMac: boolean;
  /** Prefill for the join form, e.g. from the address a browser opened. */
  suggestion: JoinSuggestion;
  /** The scheme to assume when the user types a bare address. */
  defaultScheme: 'http' | 'https';
  saveFile(suggestedName: string, blob: Blob): Promise<SaveOutcome>;
}

declare global {
  interface Window {
    parley?: ParleyBridge;
  }
}

function download(suggestedName: string, blob: Blob, doc: Document): Promise<SaveOutcome> {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.click();
  // Give the browser time to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return Promise.resolve({ saved: true });
}

export function detectPlatform(win: Window = window): Platform {
  const bridge = win.parley;
  if (bridge) {
    return {
      kind: 'desktop',
      hosting: bridge.hosting,
      mediaAccess: bridge.mediaAccess,
      trust: bridge.trust ?? null,
      invites: bridge.invites ?? null,
      discovery: bridge.discovery ?? null,
      screenPicker: bridge.screenPicker ?? null,
      call: bridge.call ?? null,
      preferences: bridge.preferences ?? null,
      shortcut: bridge.shortcut ?? null,
      notify: async (notification) => {
        const result = await bridge.notifications?.show(notification);
        return result?.ok === true && result.data.shown;
      },
      askToNotify: () => undefined,
      showWindow: bridge.window ? () => void bridge.window.show() : null,
      isMac: bridge.platform === 'darwin',
      suggestion: {},
      // Hosts speak TLS unless started without it; the trust check finds a plain one.
      defaultScheme: 'https',
      saveFile: async (suggestedName, blob) => {
        const result = await bridge.files.save({ suggestedName, data: new Uint8Array(await blob.arrayBuffer()) });
        if (!result.ok) return { saved: false, error: result.error.message };
        return { saved: result.data.saved, location: result.data.path ?? undefined };
      },
    };
  }
  const { protocol, host, search, hash } = win.location;
  const servedByHost = protocol === 'http:' || protocol === 'https:';
  const room = new URLSearchParams(search).get('room') ?? undefined;
  const hostKey = hostKeyOfFragment(hash);
  return {
    kind: 'browser',
    hosting: null,
    mediaAccess: null,
    trust: null,
    invites: null,
    discovery: null,
    screenPicker: null,
    call: null,
    preferences: null,
    shortcut: null,
    ...browserNotifier(win),
    showWindow: null,
    isMac: /Mac/i.test(win.navigator.platform),
    suggestion: servedByHost ? { hostAddress: `${protocol}//${host}`, room, hostKey } : { room },
    defaultScheme: protocol === 'https:' ? 'https' : 'http',
    saveFile: (suggestedName, blob) => download(suggestedName, blob, win.document),
  };
}

let current: Platform | undefined;

/** The platform of this page, detected once. Tests may replace it with `setPlatform`. */
export function platform(): Platform {
  current ??= detectPlatform();
  return current;
}

export function setPlatform(next: Platform): void {
  current = next;
}
