/**
 * The one map of IPC channels between the renderer and the main process, with their argument and
 * result types. Main registers a handler per channel from this map; preload wraps each channel in a
 * named function of `window.parley`. Results travel as `IpcResult` rather than thrown errors, whose
 * messages Electron rewrites on the way.
 */
import type { Locale } from './i18n/locales';
import type { NearbyRoom } from './nearbyRooms';
import type { ProtocolError } from './protocol';

export type IpcErrorCode =
  | 'BAD_REQUEST'
  | 'UNTRUSTED_SENDER'
  | 'PORT_IN_USE'
  | 'HOSTING_FAILED'
  | 'SAVE_FAILED'
  | 'CERTIFICATE_MISMATCH'
  | 'UNREACHABLE'
  | 'TIMEOUT';

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: { code: IpcErrorCode | ProtocolError['code']; message: string } };

export interface HostingStartRequest {
  room: string;
  /** Omit for the default port (falling back to a free one when it is taken). */
  port?: number;
  /** When set, everyone but the host must present it to join. */
  passcode?: string;
}

export interface HostingStatus {
  running: boolean;
  room: string | null;
  port: number | null;
  /** Where this machine's own renderer connects (loopback). */
  localUrl: string | null;
  /** What others type, `host:port`, best first. */
  addresses: string[];
  /** The secret that makes this app's own participant the host (lock, remove). Never shown. */
  hostKey: string | null;
  /** SHA-256 of the server's certificate (64 hex digits), carried by invite links; null without TLS. */
  fingerprint: string | null;
  passcode: string | null;
}

export interface TrustCheckRequest {
  /** The host as the joiner means it: `https://host:port` (a plain-HTTP host is detected). */
  url: string;
  /** From an invite link: the host must present exactly this certificate. */
  expectedFingerprint?: string;
}

export interface TrustCheck {
  /** Where to connect: https, or http for a host without TLS. */
  url: string;
  /** 'unknown': first meeting; show the short code and ask before `accept`. */
  status: 'trusted' | 'unknown' | 'plain';
  fingerprint: string | null;
}

/** A screen or window the user may share, as the picker shows it. */
export interface ScreenSource {
  id: string;
  name: string;
  /** A small PNG as a data: URL. */
  thumbnail: string;
}

/**
 * Camera, microphone or screen recording, as the operating system's privacy settings name them
 * (screen recording has a gate on macOS only).
 */
export type MediaDeviceKind = 'camera' | 'microphone' | 'screen';
/** The OS-level grant (macOS, Windows). Where the OS has no such gate (Linux) it reports 'granted'. */
export type MediaAccessStatus = 'granted' | 'denied' | 'restricted' | 'not-determined' | 'unknown';

export interface SaveFileRequest {
  /** A bare file name ending in .png or .webm; the user picks the folder. */
  suggestedName: string;
  data: Uint8Array;
}

export interface SaveFileResult {
  saved: boolean;
  path: string | null;
}

/**
 * What the page tells main about its call, whenever it changes: main keeps the display awake
 * during a call, and the desktop features (tray, shortcuts) follow it.
 */
export interface CallState {
  inCall: boolean;
  /** The room joined; null when not in a call. */
  room: string | null;
  microphoneOn: boolean;
  cameraOn: boolean;
  /** Everyone in the call, this participant included; 0 when not in a call. */
  participants: number;
  /** Chat messages not yet read (the dock badge or taskbar overlay shows them). */
  unread: number;
}

/**
 * The user's choices main follows too: the language of its menus and dialogs, and the window's
 * appearance (nativeTheme.themeSource, which also themes native dialogs and the title bar).
 */
export interface AppPreferences {
  language: 'system' | Locale;
  theme: 'system' | 'light' | 'dark';
  /** Off (the default): closing the window during a call or while hosting hides it to the tray. */
  closeEndsCall: boolean;
  /** The system-wide mute toggle (an Electron accelerator, see shared/accelerator.ts); null turns it off. */
  globalMuteShortcut: string | null;
  /** The key held to talk from any program (a uiohook-napi key name, see shared/pushToTalkKey.ts); null (the default) turns it off. */
  pushToTalkKey: string | null;
}

export const IDLE_CALL: CallState = { inCall: false, room: null, microphoneOn: false, cameraOn: false, participants: 0, unread: 0 };

/**
 * What main asks the page to do, from the tray, the global shortcut, a notification's click or
 * the quit path. Main never holds the call itself: the page does it and reports the new state.
 */
export const DESKTOP_COMMANDS = ['mute', 'unmute', 'toggle-mute', 'camera-on', 'camera-off', 'leave', 'stop-hosting', 'open-chat', 'open-people'] as const;
export type DesktopCommand = (typeof DESKTOP_COMMANDS)[number];

/** Something worth a system notification, in the page's words (main shows it as given). */
export interface DesktopNotification {
  kind: 'joined' | 'left' | 'message' | 'file';
  title: string;
  body: string;
}

/**
 * The global mute shortcut as main holds it: 'off' (turned off in settings), 'waiting' (chosen;
 * registered only while a call is on, so it is not taken from other apps the rest of the time),
 * 'active', 'taken' (another program holds it) or 'unsupported' (the system gives none).
 */
/**
 * System-wide push-to-talk as main holds it: 'waiting' (chosen; listening only during a call),
 * 'active', or 'unavailable' with why (a Wayland session, macOS's Accessibility permission not
 * given, no keyboard hook for this machine, a key it does not know).
 */
export interface PushToTalkStatus {
  key: string | null;
  state: 'off' | 'waiting' | 'active' | 'unavailable';
  reason?: 'wayland' | 'accessibility' | 'no-hook' | 'unknown-key';
}

export interface GlobalShortcutStatus {
  accelerator: string | null;
  state: 'off' | 'waiting' | 'active' | 'taken' | 'unsupported';
}

export const IPC_CHANNELS = {
  hostingStart: 'hosting:start',
  hostingStop: 'hosting:stop',
  hostingStatus: 'hosting:status',
  mediaAccessStatus: 'media-access:status',
  mediaAccessRequest: 'media-access:request',
  mediaAccessOpenSettings: 'media-access:open-settings',
  filesSave: 'files:save',
  trustCheck: 'trust:check',
  trustAccept: 'trust:accept',
  invitesTake: 'invites:take',
  discoveryList: 'discovery:list',
  screenSources: 'screen:sources',
  screenChoose: 'screen:choose',
  callState: 'call:state',
  appPreferences: 'app:preferences',
  notify: 'desktop:notify',
  shortcutStatus: 'shortcut:status',
  showWindow: 'window:show',
  pushToTalkStatus: 'push-to-talk:status',
} as const;

/** Main → renderer nudges. They carry no data: the renderer asks for it over a validated channel. */
export const IPC_EVENTS = {
  /** An invite link arrived from the system; take it with `invites:take`. */
  inviteReceived: 'invite:received',
  /** The list of rooms on the local network changed; fetch it with `discovery:list`. */
  nearbyRoomsChanged: 'discovery:changed',
  /** The page asked to share its screen: show the picker (`screen:sources`, then `screen:choose`). */
  screenPickRequested: 'screen:pick-requested',
  /** The global mute shortcut's or push-to-talk's state changed; read them with `shortcut:status` and `push-to-talk:status`. */
  shortcutChanged: 'shortcut:changed',
} as const;

/** Main → renderer: one of DESKTOP_COMMANDS (a fixed name, checked by preload before the page sees it). */
export const IPC_COMMAND_EVENT = 'desktop:command';

export interface IpcContract {
  [IPC_CHANNELS.hostingStart]: { args: [request: HostingStartRequest]; result: IpcResult<HostingStatus> };
  [IPC_CHANNELS.hostingStop]: { args: []; result: IpcResult<HostingStatus> };
  [IPC_CHANNELS.hostingStatus]: { args: []; result: IpcResult<HostingStatus> };
  [IPC_CHANNELS.mediaAccessStatus]: { args: []; result: IpcResult<Record<MediaDeviceKind, MediaAccessStatus>> };
  [IPC_CHANNELS.mediaAccessRequest]: { args: [kind: MediaDeviceKind]; result: IpcResult<MediaAccessStatus> };
  [IPC_CHANNELS.mediaAccessOpenSettings]: { args: [kind: MediaDeviceKind]; result: IpcResult<{ opened: boolean }> };
  [IPC_CHANNELS.filesSave]: { args: [request: SaveFileRequest]; result: IpcResult<SaveFileResult> };
  [IPC_CHANNELS.trustCheck]: { args: [request: TrustCheckRequest]; result: IpcResult<TrustCheck> };
  [IPC_CHANNELS.trustAccept]: { args: [request: { url: string; fingerprint: string }]; result: IpcResult<null> };
  [IPC_CHANNELS.invitesTake]: { args: []; result: IpcResult<string | null> };
  [IPC_CHANNELS.discoveryList]: { args: []; result: IpcResult<NearbyRoom[]> };
  [IPC_CHANNELS.screenSources]: { args: []; result: IpcResult<ScreenSource[]> };
  [IPC_CHANNELS.screenChoose]: { args: [id: string | null]; result: IpcResult<{ shared: boolean }> };
  [IPC_CHANNELS.callState]: { args: [state: CallState]; result: IpcResult<null> };
  [IPC_CHANNELS.appPreferences]: { args: [preferences: AppPreferences]; result: IpcResult<null> };
  [IPC_CHANNELS.notify]: { args: [notification: DesktopNotification]; result: IpcResult<{ shown: boolean }> };
  [IPC_CHANNELS.shortcutStatus]: { args: []; result: IpcResult<GlobalShortcutStatus> };
  [IPC_CHANNELS.showWindow]: { args: []; result: IpcResult<null> };
  [IPC_CHANNELS.pushToTalkStatus]: { args: []; result: IpcResult<PushToTalkStatus> };
}

export type IpcChannel = keyof IpcContract;

/** What preload exposes as `window.parley`: named functions only, never `ipcRenderer` itself. */
export interface ParleyBridge {
  readonly platform: string;
  readonly hosting: {
    start(request: HostingStartRequest): Promise<IpcResult<HostingStatus>>;
    stop(): Promise<IpcResult<HostingStatus>>;
    status(): Promise<IpcResult<HostingStatus>>;
  };
  readonly mediaAccess: {
    status(): Promise<IpcResult<Record<MediaDeviceKind, MediaAccessStatus>>>;
    request(kind: MediaDeviceKind): Promise<IpcResult<MediaAccessStatus>>;
    openSettings(kind: MediaDeviceKind): Promise<IpcResult<{ opened: boolean }>>;
  };
  readonly files: {
    save(request: SaveFileRequest): Promise<IpcResult<SaveFileResult>>;
  };
  readonly trust: {
    check(request: TrustCheckRequest): Promise<IpcResult<TrustCheck>>;
    accept(request: { url: string; fingerprint: string }): Promise<IpcResult<null>>;
  };
  readonly invites: {
    /** The invite link the system opened the app with, once; null when there is none. */
    take(): Promise<IpcResult<string | null>>;
    /** Called when another invite arrives; returns the unsubscribe function. */
    onReceived(listener: () => void): () => void;
  };
  readonly screenPicker: {
    sources(): Promise<IpcResult<ScreenSource[]>>;
    /** The chosen source's id, or null to cancel. */
    choose(id: string | null): Promise<IpcResult<{ shared: boolean }>>;
    onRequested(listener: () => void): () => void;
  };
  readonly discovery: {
    /** Rooms announced on the local network now (starts looking on the first call). */
    list(): Promise<IpcResult<NearbyRoom[]>>;
    onChanged(listener: () => void): () => void;
  };
  readonly call: {
    /** Tells main what the call is now (sent on every change). */
    reportState(state: CallState): Promise<IpcResult<null>>;
    /** Called with what the tray, the global shortcut or a notification asks of the call. */
    onCommand(listener: (command: DesktopCommand) => void): () => void;
  };
  readonly notifications: {
    /** Shows a system notification while the window is not focused; `shown` says whether it was. */
    show(notification: DesktopNotification): Promise<IpcResult<{ shown: boolean }>>;
  };
  readonly shortcut: {
    status(): Promise<IpcResult<GlobalShortcutStatus>>;
    pushToTalk(): Promise<IpcResult<PushToTalkStatus>>;
    onChanged(listener: () => void): () => void;
  };
  readonly window: {
    /** Brings the main window back (from the mini window, while it is hidden). */
    show(): Promise<IpcResult<null>>;
  };
  readonly preferences: {
    /** Tells main the language and appearance chosen in settings (sent on every change). */
    report(preferences: AppPreferences): Promise<IpcResult<null>>;
  };
}
