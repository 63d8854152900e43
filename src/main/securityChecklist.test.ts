/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), one assertion per
 * item that applies, against the real main entry with Electron replaced by a recording mock.
 * Items covered in more detail elsewhere point there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';
import { IPC_CHANNELS } from '../shared/ipc';

const calls = vi.hoisted(() => ({
  enableSandbox: 0,
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  requestHandler: undefined as undefined | ((...args: unknown[]) => void),
  checkHandler: undefined as undefined | ((...args: unknown[]) => boolean),
  headersListener: undefined as undefined | ((details: unknown, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void),
  ipcChannels: [] as string[],
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  protocolClients: [] as string[],
  sent: [] as string[],
  windows: [] as { options: Electron.BrowserWindowConstructorOptions; loaded: string[] }[],
  openExternal: [] as string[],
  verifyProc: undefined as undefined | ((request: unknown, callback: (result: number) => void) => void),
  displayMediaHandler: undefined as undefined | ((request: unknown, callback: (streams: unknown) => void) => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents = {
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      send: (channel: string) => void calls.sent.push(channel),
    };
    private readonly record: { options: Electron.BrowserWindowConstructorOptions; loaded: string[] };
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [] };
      calls.windows.push(this.record);
    }
    static fromWebContents = () => null;
    once = () => undefined;
    isDestroyed = () => false;
    isMinimized = () => false;
    focus = () => undefined;
    loadFile = async (file: string) => void this.record.loaded.push(`file:${file}`);
    loadURL = async (url: string) => void this.record.loaded.push(url);
  }
  return {
    app: {
      isPackaged: true,
      enableSandbox: () => void calls.enableSandbox++,
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: (...args: unknown[]) => void) => void calls.appEvents.set(event, listener),
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      getPath: () => '/nonexistent/parley-test',
      setAsDefaultProtocolClient: (scheme: string) => void calls.protocolClients.push(scheme),
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        calls.ipcChannels.push(channel);
        calls.ipcHandlers.set(channel, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof calls.requestHandler) => (calls.requestHandler = handler),
        setPermissionCheckHandler: (handler: typeof calls.checkHandler) => (calls.checkHandler = handler),
        webRequest: { onHeadersReceived: (listener: typeof calls.headersListener) => (calls.headersListener = listener) },
        setCertificateVerifyProc: (proc: typeof calls.verifyProc) => (calls.verifyProc = proc),
        setDisplayMediaRequestHandler: (handler: typeof calls.displayMediaHandler) => (calls.displayMediaHandler = handler),
      },
    },
    shell: { openExternal: async (url: string) => void calls.openExternal.push(url) },
    systemPreferences: { getMediaAccessStatus: () => 'granted' },
    desktopCapturer: { getSources: async () => [] },
    dialog: {},
  };
});

await import('./index');
await new Promise((resolve) => setTimeout(resolve, 0)); // let app.whenReady() continue

const packageJson = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
const builder = parse(readFileSync(join(__dirname, '../../electron-builder.yml'), 'utf8'));

describe('Electron security checklist', () => {
  it('1. loads only its own local content (the packaged index.html over file://, never a remote URL)', () => {
    expect(calls.windows).toHaveLength(1);
    expect(calls.windows[0]!.loaded).toEqual([expect.stringMatching(/^file:.*renderer[\\/]index\.html$/)]);
  });

  it('2-4, 6, 8-10. no Node integration, context isolation, sandbox (also enforced app-wide), web security, nothing insecure or experimental', () => {
    expect(calls.enableSandbox).toBe(1);
    expect(calls.windows[0]!.options.webPreferences).toMatchObject({
      nodeIntegration: false,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(calls.windows[0]!.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('5. handles permission requests and permission checks (default deny; details in security.test.ts)', () => {
    expect(calls.requestHandler).toBeTypeOf('function');
    expect(calls.checkHandler).toBeTypeOf('function');
    expect(calls.checkHandler!(null, 'geolocation', 'file://', { requestingUrl: 'file:///x' })).toBe(false);
  });

  it('7. sends a Content-Security-Policy header on every response, besides the meta tag', () => {
    let headers: Record<string, string[]> | undefined;
    calls.headersListener!({ responseHeaders: { 'X-Test': ['1'] } }, (response) => (headers = response.responseHeaders));
    expect(headers).toEqual({ 'X-Test': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('11-13. hardens every web contents as it is created: no webviews, no navigation, no new windows', () => {
    const hardened: string[] = [];
    const contents = { on: (event: string) => hardened.push(event), setWindowOpenHandler: () => hardened.push('window-open') };
    calls.appEvents.get('web-contents-created')!({}, contents);
    expect(hardened.sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect', 'window-open']);
    expect(calls.windows[0]!.options.webPreferences).toMatchObject({ webviewTag: false });
  });

  it('14. hands the system browser only validated http(s) links (details in security.test.ts)', () => {
    let openHandler: ((d: { url: string }) => unknown) | undefined;
    calls.appEvents.get('web-contents-created')!({}, { on: () => undefined, setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h) });
    openHandler!({ url: 'file:///etc/passwd' });
    openHandler!({ url: 'https://example.org/' });
    expect(calls.openExternal).toEqual(['https://example.org/']);
  });

  it('15. uses a current Electron (45 or newer)', () => {
    expect(Number(/\d+/.exec(packageJson.devDependencies.electron)?.[0])).toBeGreaterThanOrEqual(45);
  });

  it('16. registers a sender-checked handler for every IPC channel and no other (details in ipc.test.ts)', () => {
    expect([...calls.ipcChannels].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
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
  const foreignFrame = { senderFrame: { url: 'https://evil.example/', parent: null } };
  const invite = `parley://join?host=10.0.0.2&port=47100&room=team&fp=${'ab'.repeat(32)}`;

  it('registers the parley: scheme and hands a second launch\'s invite link to the window', async () => {
    expect(calls.protocolClients).toEqual(['parley']);
    calls.appEvents.get('second-instance')!({}, ['/opt/Parley/parley', invite]);
    expect(calls.sent).toContain('invite:received');
    const appFrame = { senderFrame: { url: `file://${calls.windows[0]!.loaded[0]!.slice('file:'.length)}`, parent: null } };
    expect(await calls.ipcHandlers.get('invites:take')!(appFrame)).toEqual({ ok: true, data: invite });
    expect(await calls.ipcHandlers.get('invites:take')!(appFrame)).toEqual({ ok: true, data: null });
    // Only the app's own page may take it.
    calls.appEvents.get('second-instance')!({}, ['/opt/Parley/parley', invite]);
    expect(await calls.ipcHandlers.get('invites:take')!(foreignFrame)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('ignores a hostile link on the command line', () => {
    const before = calls.sent.length;
    calls.appEvents.get('second-instance')!({}, ['/opt/Parley/parley', 'parley://join?host=evil/../x&port=1&room=a']);
    expect(calls.sent.length).toBe(before);
  });

  it('installs the certificate hook: hosts without a pin get Chromium\'s own verdict', () => {
    let verdict: number | undefined;
    calls.verifyProc!({ hostname: 'example.org', certificate: { data: '' } }, (result) => (verdict = result));
    expect(verdict).toBe(-3);
  });

  it('routes screen-sharing requests to the picker, which denies a foreign page', async () => {
    const answers: unknown[] = [];
    calls.displayMediaHandler!({ frame: { url: 'https://evil.example/' } }, (streams) => answers.push(streams));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers).toEqual([{}]);
  });
});
