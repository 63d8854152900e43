/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), one assertion per
 * item that applies, against the real main entry running under the Electron stand-in.
 * Items covered in more detail elsewhere point there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';
import { IPC_CHANNELS } from '../shared/ipc';
import { standIn } from './testing/electron';

// The real main entry, booted under the Electron stand-in (src/main/testing/electron).
const invite = `parley://join?host=10.0.0.2&port=47100&room=team&fp=${'ab'.repeat(32)}`;
await import('./index');
await standIn.app.finishLaunching();
await vi.waitFor(() => expect(standIn.windows()).toHaveLength(1));
const window = standIn.mainWindow();
const session = standIn.session;

const packageJson = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
const builder = parse(readFileSync(join(__dirname, '../../electron-builder.yml'), 'utf8'));

describe('Electron security checklist', () => {
  it('1. loads only its own local content (the packaged index.html over file://, never a remote URL)', () => {
    expect(window.loaded).toEqual([expect.stringMatching(/^file:\/\/.*renderer\/index\.html$/)]);
  });

  it('2-4, 6, 8-10. no Node integration, context isolation, sandbox (also enforced app-wide), web security, nothing insecure or experimental', () => {
    expect(standIn.app.sandboxEnabled).toBe(true);
    expect(window.options['webPreferences']).toMatchObject({
      nodeIntegration: false,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(window.options['webPreferences']).not.toHaveProperty('enableBlinkFeatures');
  });

  it('5. handles permission requests and permission checks (default deny; details in security.test.ts)', async () => {
    expect(session.permissionRequestHandler).toBeTypeOf('function');
    expect(session.checkPermission(null, 'geolocation', 'file:///x')).toBe(false);
    expect(await session.requestPermission(window.webContents, 'geolocation')).toBe(false);
  });

  it('7. sends a Content-Security-Policy header on every response, besides the meta tag', () => {
    expect(session.receiveHeaders('file:///x/index.html', { 'X-Test': ['1'] })).toEqual({ 'X-Test': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('11-13. hardens every web contents as it is created: no webviews, no navigation, no new windows', () => {
    const contents = standIn.foreignContents('about:blank');
    standIn.app.emit('web-contents-created', standIn.event(), contents);
    expect(['will-attach-webview', 'will-navigate', 'will-redirect'].filter((name) => contents.listenerCount(name) === 0)).toEqual([]);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(window.options['webPreferences']).toMatchObject({ webviewTag: false });
  });

  it('14. hands the system browser only validated http(s) links (details in security.test.ts)', () => {
    const before = standIn.shell.opened.length;
    window.webContents.windowOpenHandler!({ url: 'file:///etc/passwd' });
    window.webContents.windowOpenHandler!({ url: 'https://example.org/' });
    expect(standIn.shell.opened.slice(before)).toEqual(['https://example.org/']);
  });

  it('15. uses a current Electron (45 or newer)', () => {
    expect(Number(/\d+/.exec(packageJson.devDependencies.electron)?.[0])).toBeGreaterThanOrEqual(45);
  });

  it('16. registers a sender-checked handler for every IPC channel and no other (details in ipc.test.ts)', () => {
    expect(standIn.ipcMain.channels().sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('19. flips the fuses at packaging: no run-as-node, no NODE_OPTIONS, no --inspect, encrypted cookies, asar only, asar integrity', () => {
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});

describe('desktop integration booted with the same entry', () => {
  const sentInvites = () => window.webContents.sent.filter(({ channel }) => channel === 'invite:received').length;

  it('registers the parley: scheme and hands a second launch\'s invite link to the window', async () => {
    expect(standIn.app.protocolClients).toEqual([{ protocol: 'parley' }]);
    standIn.app.emit('second-instance', standIn.event(), ['/opt/Parley/parley', invite]);
    expect(sentInvites()).toBe(1);
    expect(await standIn.ipcMain.invoke(window.webContents, 'invites:take')).toEqual({ ok: true, data: invite });
    expect(await standIn.ipcMain.invoke(window.webContents, 'invites:take')).toEqual({ ok: true, data: null });
    // Only the app's own page may take it.
    standIn.app.emit('second-instance', standIn.event(), ['/opt/Parley/parley', invite]);
    expect(await standIn.ipcMain.invoke(window.webContents, 'invites:take', [], 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('ignores a hostile link on the command line', () => {
    const before = sentInvites();
    standIn.app.emit('second-instance', standIn.event(), ['/opt/Parley/parley', 'parley://join?host=evil/../x&port=1&room=a']);
    expect(sentInvites()).toBe(before);
  });

  it('installs the certificate hook: hosts without a pin get Chromium\'s own verdict', () => {
    let verdict: number | undefined;
    session.certificateVerifyProc!({ hostname: 'example.org', certificate: { data: '' } }, (result) => (verdict = result));
    expect(verdict).toBe(-3);
  });

  it('routes screen-sharing requests to the picker, which refuses a foreign page', async () => {
    expect(await session.requestDisplayMedia({ frameUrl: 'https://evil.example/' })).toEqual({ denied: true });
  });
});
