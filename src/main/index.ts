/**
 * Parley's main process: one locked-down window, the hosting service, and their wiring.
 * Kept thin on purpose: each piece lives in its own module and is tested in Node.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, desktopCapturer, dialog, ipcMain, session, shell, systemPreferences } from 'electron';
import { advertiseRoom } from '../../signaling-server/src/advertise';
import { INVITE_SCHEME } from '../shared/invite';
import { IPC_EVENTS } from '../shared/ipc';
import { RoomFinder } from './discovery/roomFinder';
import { createFileSaver } from './fileSaver';
import { HostService } from './hosting';
import { InviteInbox, inviteFromArgv } from './invites';
import { registerIpcHandlers } from './ipc';
import { ScreenPicker } from './screenPicker';
import { stopHostingOnQuit } from './lifecycle';
import { createMediaAccess } from './mediaAccess';
import { applySessionSecurity, createAppUrlMatcher, hardenWebContents } from './security';
import { createCertificateVerifier } from './trust/certificateVerifier';
import { TrustService } from './trust/trustService';
import { TrustStore } from './trust/trustStore';
import { createMainWindow, type RendererSource } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const indexFile = join(rendererDir, 'index.html');
const preload = join(here, '../preload/index.cjs');
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;

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
// Screen sharing: the platform's picker where there is one, else Parley's (sources from desktopCapturer).
const screenPicker = new ScreenPicker({
  getSources: () => desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize: { width: 320, height: 180 } }),
  isAppUrl,
  notify: nudge(IPC_EVENTS.screenPickRequested),
});
// Rooms on the local network, looked for once the join screen first asks.
const nearbyRooms = new RoomFinder(nudge(IPC_EVENTS.nearbyRoomsChanged));

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow(preload, source, openExternal);
}

// One instance: a second launch (say, from an invite link) hands its command line to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerInviteScheme();
  invites.receive(inviteFromArgv(process.argv));
  app.on('second-instance', (_event, argv) => {
    showMainWindow();
    invites.receive(inviteFromArgv(argv));
  });
  // macOS delivers links to the running app instead of a command line.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    showMainWindow();
    invites.receive(url);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));

  void app.whenReady().then(async () => {
    applySessionSecurity(session.defaultSession, isAppUrl);
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
      // This app's own participant connects to its own server over loopback: trust that certificate.
      onHostingStarted: ({ localUrl, fingerprint }) => {
        if (!localUrl || !fingerprint) return;
        const { hostname, port } = new URL(localUrl);
        trustStore.pinForSession(hostname, Number(port), fingerprint);
      },
      mediaAccess: createMediaAccess({ platform: process.platform, systemPreferences, openExternal }),
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

  stopHostingOnQuit(app, hosting);
  app.on('will-quit', () => nearbyRooms.stop());
}

/** Makes `parley:` links open this app (packaged; in development, this Electron with our entry). */
function registerInviteScheme(): void {
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(INVITE_SCHEME, process.execPath, [join(process.cwd(), process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(INVITE_SCHEME);
  }
}
