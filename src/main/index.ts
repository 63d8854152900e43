/**
 * Parley's main process: one locked-down window, the hosting service, and their wiring.
 * Kept thin on purpose: each piece lives in its own module and is tested in Node.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, desktopCapturer, dialog, globalShortcut, ipcMain, Menu, nativeImage, nativeTheme, Notification, powerSaveBlocker, session, shell, systemPreferences, Tray } from 'electron';
import { advertiseRoom } from '../../signaling-server/src/advertise';
import { CONTENT_SECURITY_POLICY, DEV_CSP_NONCE_ENV, developmentContentSecurityPolicy } from '../shared/contentSecurityPolicy';
import { IPC_EVENTS } from '../shared/ipc';
import { appMenuTemplate } from './appMenu';
import { CallPresence } from './callPresence';
import { closeToTray } from './closeToTray';
import { createCommandSender } from './desktopCommands';
import { DesktopNotifications } from './desktopNotifications';
import { GlobalMuteShortcut } from './globalMute';
import { loadUiohook, pushToTalkUnavailable, SystemPushToTalk } from './systemPushToTalk';
import { createHintMemory } from './hintMemory';
import { CallTray } from './tray';
import { createTrayIcons } from './trayIcons';
import { logChildProcessDeaths, recoverFromRendererCrashes } from './crashRecovery';
import { RoomFinder } from './discovery/roomFinder';
import { createFileSaver } from './fileSaver';
import { HostService } from './hosting';
import { InviteInbox, inviteFromArgv, registerInviteScheme } from './invites';
import { registerIpcHandlers } from './ipc';
import { createLog } from './log';
import { ScreenPicker, systemPicksScreenSource } from './screenPicker';
import { endCallAndHostingOnQuit } from './lifecycle';
import { createMediaAccess } from './mediaAccess';
import { applySessionSecurity, createAppUrlMatcher, hardenWebContents } from './security';
import { createCertificateVerifier } from './trust/certificateVerifier';
import { TrustService } from './trust/trustService';
import { TrustStore } from './trust/trustStore';
import type { MessageKey, MessageValues } from '../shared/i18n/catalogs';
import { createMainText } from './i18n';
import { Preferences } from './preferences';
import { createMainWindow, type RendererSource } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const indexFile = join(rendererDir, 'index.html');
const preload = join(here, '../preload/index.cjs');
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const log = createLog({ dir: app.getPath('logs'), echo: !app.isPackaged });

// Every renderer is sandboxed, whatever a window's own options say.
app.enableSandbox();

const isAppUrl = createAppUrlMatcher({ devServerUrl, indexFile });
// The host serves the same renderer to browsers, so people without the app can join.
const hosting = new HostService({
  staticDir: rendererDir,
  allowedOrigins: devServerUrl ? [new URL(devServerUrl).origin] : [],
  // The host's certificate is made once and kept, so invite links and joiners' pins stay valid.
  certificateDir: join(app.getPath('userData'), 'host-certificate'),
  // Apps on the local network list the room while it is hosted.
  advertise: advertiseRoom,
  // The tray says whether a room is hosted (it exists from ready on).
  onChange: () => callTray.refresh(),
});
// Hosts this app trusts by certificate fingerprint (from invites, or after comparing the code).
const trustStore = new TrustStore(join(app.getPath('userData'), 'trusted-hosts.json'));
const source: RendererSource = devServerUrl ? { url: devServerUrl } : { file: indexFile };
// Only ever called with links that passed isSafeExternalUrl, or with fixed system-settings addresses.
const openExternal = (url: string): Promise<void> => shell.openExternal(url);

let mainWindow: BrowserWindow | undefined;

/** Tells the page something is waiting for it (it then asks over a validated channel). */
const nudge = (event: (typeof IPC_EVENTS)[keyof typeof IPC_EVENTS]) => (): void => {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event);
};

// Invite links from the system wait here; the window is nudged to take them.
const invites = new InviteInbox(nudge(IPC_EVENTS.inviteReceived));
// The OS's own camera, microphone and screen-recording gates (macOS, Windows).
const mediaAccess = createMediaAccess({ platform: process.platform, systemPreferences, openExternal });
// Screen sharing: the platform's picker where there is one, else Parley's (sources from desktopCapturer).
const screenPicker = new ScreenPicker({
  getSources: () => desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize: { width: 320, height: 180 } }),
  isAppUrl,
  notify: nudge(IPC_EVENTS.screenPickRequested),
  osAllowsCapture: mediaAccess.allowsScreenCapture,
  systemPicksSource: systemPicksScreenSource({ platform: process.platform, env: process.env, ozonePlatform: app.commandLine.getSwitchValue('ozone-platform') }),
  onError: (error) => log.warn('screen sharing: the request could not be answered', { error }),
});
// The call the page reports: keeps the display awake while it lasts.
const callPresence = new CallPresence({ powerSaveBlocker, log });
// Rooms on the local network, looked for once the join screen first asks.
const nearbyRooms = new RoomFinder(nudge(IPC_EVENTS.nearbyRoomsChanged));
// What the tray, the global shortcut and notifications ask of the page's call.
const sendCommand = createCommandSender(() => mainWindow);
// System-wide mute, held only while a call is on.
const globalMute = new GlobalMuteShortcut({ globalShortcut, send: sendCommand, onStatus: nudge(IPC_EVENTS.shortcutChanged), log });
// Push-to-talk from any program (uiohook-napi, loaded only once turned on; listening only during a call).
const pushToTalk = new SystemPushToTalk({
  load: loadUiohook,
  send: sendCommand,
  unavailableReason: () =>
    pushToTalkUnavailable({ platform: process.platform, env: process.env, accessibilityTrusted: () => process.platform !== 'darwin' || systemPreferences.isTrustedAccessibilityClient(false) }),
  onStatus: nudge(IPC_EVENTS.shortcutChanged),
  log,
});
// Notifications and the unread badge while the window is not in front.
const notifications = new DesktopNotifications({ Notification, app, window: () => mainWindow, showWindow: () => showMainWindow(), send: sendCommand });
// The tray: the call at a glance, and a menu that acts on it (made at ready).
const callTray = new CallTray({
  Tray,
  Menu,
  icon: createTrayIcons((buffer, options) => nativeImage.createFromBitmap(buffer, options)),
  text: () => preferences?.current() ?? systemText,
  send: sendCommand,
  hosting: () => hosting.status(),
  showWindow: () => showMainWindow(),
  stopHosting: () => hosting.stop(),
  quit: () => app.quit(),
});

function showMainWindow(): void {
  // Windows exist only once the app is ready (macOS may deliver a link before that).
  if (!app.isReady()) return;
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  const window = createMainWindow(preload, source, openExternal);
  closeToTray(window, {
    app,
    keepRunning: () => (callPresence.current().inCall || hosting.status().running) && !(preferences?.choices().closeEndsCall ?? false),
    hint: createHintMemory(join(app.getPath('userData'), 'hints.json'), 'closedToTray', (error) => log.warn('could not remember the tray hint', { error: String(error) })),
    onHidden: (first) => {
      if (!first) return;
      const body = process.platform === 'darwin' ? 'main.hidden.bodyMac' : hosting.status().running ? 'main.hidden.bodyHosting' : 'main.hidden.bodyCall';
      notifications.announce(text('main.hidden.title'), text(body));
    },
  });
  // A page that is gone has no call any more (a reloaded one reports its own).
  window.webContents.on('render-process-gone', () => callPresence.pageGone());
  window.webContents.on('destroyed', () => callPresence.pageGone());
  recoverFromRendererCrashes(window.webContents, {
    log,
    reload: () => window.webContents.reload(),
    giveUp: () => void askAfterRepeatedCrashes(window),
  });
  mainWindow = window;
}

/** Main's own words: the system's language, or the one chosen in the page (made at ready, when the locale is known). */
let preferences: Preferences | undefined;
const systemText = createMainText([]);
function text(key: MessageKey, values?: MessageValues): string {
  return (preferences?.current() ?? systemText)(key, values);
}

function setApplicationMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: process.platform,
        development: !app.isPackaged,
        text,
        openLogFolder: () => void shell.openPath(dirname(log.file)),
      }),
    ),
  );
}

/** The window crashed again and again: let the user choose rather than loop. */
async function askAfterRepeatedCrashes(window: BrowserWindow): Promise<void> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Parley',
    message: text('main.windowKeepsFailing.message'),
    detail: text('main.windowKeepsFailing.detail'),
    buttons: [text('main.windowKeepsFailing.tryAgain'), text('main.windowKeepsFailing.quit')],
    defaultId: 0,
    cancelId: 1,
  });
  if (response === 0 && !window.isDestroyed()) window.webContents.reload();
  else app.quit();
}

/**
 * The CSP header: the packaged policy, except for the dev server's own pages in development, which
 * get the policy with the nonce the dev server put on its tags (vite/devContentSecurityPolicy.ts).
 */
function contentSecurityPolicyFor(): (url: string) => string {
  const strict = (): string => CONTENT_SECURITY_POLICY;
  if (!devServerUrl) return strict;
  const nonce = process.env[DEV_CSP_NONCE_ENV];
  if (!nonce) {
    log.warn(`development: no ${DEV_CSP_NONCE_ENV} from the dev server; its pages keep the packaged policy`);
    return strict;
  }
  const devOrigin = new URL(devServerUrl).origin;
  const devPolicy = developmentContentSecurityPolicy(nonce); // a malformed nonce stops the launch here
  return (url) => (URL.canParse(url) && new URL(url).origin === devOrigin ? devPolicy : CONTENT_SECURITY_POLICY);
}

// One instance: a second launch (say, from an invite link) hands its command line to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerInviteScheme(app, process);
  invites.receive(inviteFromArgv(process.argv));
  // Emitted only after 'ready' (docs/api/app.md, 'second-instance').
  app.on('second-instance', (_event, argv) => {
    showMainWindow();
    invites.receive(inviteFromArgv(argv));
  });
  // macOS delivers links to the running app instead of a command line, possibly before 'ready'
  // (docs/api/app.md, 'open-url'): the link waits in the inbox for the window made at ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    invites.receive(url);
    showMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal, isAppUrl));
  logChildProcessDeaths(app, log);
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection in main', { reason: String(reason) }));

  void app.whenReady().then(async () => {
    preferences = new Preferences({
      nativeTheme,
      systemLanguages: () => [app.getLocale(), ...app.getPreferredSystemLanguages()],
      onText: () => {
        setApplicationMenu();
        callTray.refresh();
      },
    });
    const chosen = preferences;
    let askedForAccessibility = false;
    const followShortcut = (): void => {
      const call = callPresence.current();
      const { globalMuteShortcut, pushToTalkKey } = chosen.choices();
      globalMute.follow(call.inCall, globalMuteShortcut);
      // macOS lets a program hear keys meant for others only once allowed under Accessibility: ask once, when chosen.
      if (pushToTalkKey && process.platform === 'darwin' && !askedForAccessibility) {
        askedForAccessibility = true;
        systemPreferences.isTrustedAccessibilityClient(true);
      }
      void pushToTalk.follow(call.inCall, call.microphoneOn, pushToTalkKey);
    };
    chosen.onChange(followShortcut);
    callPresence.onChange((call) => {
      callTray.show(call);
      followShortcut();
      notifications.setUnread(call.unread);
    });
    callTray.show(callPresence.current());
    followShortcut();
    log.info('ready', { version: app.getVersion(), platform: process.platform, packaged: app.isPackaged, locale: preferences.current().locale });
    setApplicationMenu();
    applySessionSecurity(session.defaultSession, isAppUrl, contentSecurityPolicyFor());
    await trustStore.load();
    // Pinned hosts must present exactly their pinned certificate; others get Chromium's verdict.
    session.defaultSession.setCertificateVerifyProc(createCertificateVerifier(trustStore));
    session.defaultSession.setDisplayMediaRequestHandler((request, callback) => void screenPicker.handleRequest(request, callback), {
      useSystemPicker: true,
    });
    registerIpcHandlers(ipcMain, {
      isAppUrl,
      hosting,
      trust: new TrustService(trustStore),
      invites,
      nearbyRooms,
      screenPicker,
      callPresence,
      preferences,
      notifications,
      globalMute,
      showWindow: () => showMainWindow(),
      pushToTalk,
      // This app's own participant connects to its own server over loopback: trust that certificate.
      onHostingStarted: ({ localUrl, fingerprint }) => {
        if (!localUrl || !fingerprint) return;
        const { hostname, port } = new URL(localUrl);
        trustStore.pinForSession(hostname, Number(port), fingerprint);
      },
      mediaAccess,
      saveFile: (sender, request) => {
        const owner = BrowserWindow.fromWebContents(sender);
        const save = createFileSaver({
          showSaveDialog: (options) => (owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options)),
          writeFile: (path, data) => writeFile(path, data),
          downloadsDir: app.getPath('downloads'),
        });
        return save(request);
      },
    });
    showMainWindow();
    app.on('activate', showMainWindow);
  });

  endCallAndHostingOnQuit(app, hosting, { log, call: callPresence, send: sendCommand });
  app.on('will-quit', () => {
    nearbyRooms.stop();
    globalMute.dispose();
    pushToTalk.dispose();
    callTray.destroy();
  });
}
