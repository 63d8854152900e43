import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';
import { APP_PERMISSIONS, applySessionSecurity, createAppUrlMatcher, hardenWebContents, isSafeExternalUrl } from './security';
import { standIn } from './testing/electron';
import { ELECTRON_PERMISSIONS, RENDERER_PERMISSIONS } from './testing/electron/permissions';


const indexFile = '/opt/Parley/resources/app.asar/out/renderer/index.html';
const packaged = createAppUrlMatcher({ indexFile });
const dev = createAppUrlMatcher({ devServerUrl: 'http://localhost:5173/', indexFile });
const APP_URL = `file://${indexFile}`;

describe('the app URL matcher', () => {
  it('accepts exactly the packaged index.html, with or without a query or hash', () => {
    expect(packaged(APP_URL)).toBe(true);
    expect(packaged(`${APP_URL}?room=team#x`)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file:///opt/Parley/resources/app.asar/out/renderer/other.html',
    'http://localhost:5173/',
    'https://evil.example/',
    'not a url',
    '',
    undefined,
  ])('refuses %j in a packaged app', (url) => {
    expect(packaged(url)).toBe(false);
  });

  it('accepts the dev server origin only while developing', () => {
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
  });
});

describe('permission handlers (default deny), asked as Electron 45 asks', () => {
  // Electron's own session (the stand-in's), ready, with the app's handlers installed; pages ask through it.
  const ready = standIn.app.finishLaunching().then(() => {
    applySessionSecurity(standIn.session as never, packaged);
    return standIn.session;
  });
  const page = (url: string) => standIn.foreignContents(url);
  const ask = async (permission: string, url: string, mediaTypes?: string[]) =>
    (await ready).requestPermission(page(url), permission, { requestingUrl: url, ...(mediaTypes ? { mediaTypes } : {}) });
  const check = async (permission: string, url: string) => (await ready).checkPermission(page(url), permission, url);

  it.each(RENDERER_PERMISSIONS.map((entry) => [entry.feature, entry] as const))('grants %s to the app itself, and to no other page', async (_feature, { permission, mediaTypes }) => {
    expect(await ask(permission, APP_URL, mediaTypes)).toBe(true);
    expect(await check(permission, APP_URL)).toBe(true);
    expect(await ask(permission, 'https://evil.example/', mediaTypes)).toBe(false);
    expect(await check(permission, 'https://evil.example/')).toBe(false);
    expect(await ask(permission, 'file:///home/ada/Downloads/other.html', mediaTypes)).toBe(false);
  });

  it('grants nothing Electron 45 can ask for beyond what the features need', async () => {
    const needed = new Set(RENDERER_PERMISSIONS.map((entry) => entry.permission));
    for (const permission of ELECTRON_PERMISSIONS.filter((name) => !needed.has(name))) {
      expect(await ask(permission, APP_URL), permission).toBe(false);
      expect(await check(permission, APP_URL), permission).toBe(false);
    }
    expect(Object.keys(APP_PERMISSIONS).sort()).toEqual([...needed].sort());
  });

  it('refuses a media request for anything but camera and microphone', async () => {
    expect(await ask('media', APP_URL, ['video', 'desktop'])).toBe(false);
  });

  it('is asked with Electron 45 names only (the stand-in refuses made-up ones)', async () => {
    await expect(ask('clipboard-write', APP_URL)).rejects.toThrow(/never asks for a permission named 'clipboard-write'/);
  });
});

describe('web contents hardening', () => {
  it('prevents navigation, redirects and webviews, and denies new windows', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: (event: { preventDefault: () => void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
      getURL: () => 'file:///app/out/renderer/index.html',
    } as unknown as Electron.WebContents;
    const openExternal = vi.fn(async () => undefined);
    hardenWebContents(contents, openExternal);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(name)?.({ preventDefault });
      expect(preventDefault, name).toHaveBeenCalled();
    }
    expect((openHandler as unknown as (d: { url: string }) => { action: string })({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it("lets only the app's own page open its mini window (about:blank, by name), always on top", () => {
    const open = (pageUrl: string, details: { url: string; frameName: string }) => {
      const contents = standIn.foreignContents(pageUrl);
      hardenWebContents(contents as never, vi.fn(async () => undefined), createAppUrlMatcher({ indexFile: '/app/out/renderer/index.html' }));
      return contents.windowOpenHandler!(details as never) as { action: string; overrideBrowserWindowOptions?: Record<string, unknown> };
    };
    const app = 'file:///app/out/renderer/index.html';
    const allowed = open(app, { url: 'about:blank', frameName: 'parley-mini' });
    expect(allowed.action).toBe('allow');
    expect(allowed.overrideBrowserWindowOptions).toMatchObject({ alwaysOnTop: true, width: 320, height: 240 });
    expect(open(app, { url: 'about:blank', frameName: 'other' })).toEqual({ action: 'deny' });
    expect(open(app, { url: 'https://example.org/', frameName: 'parley-mini' })).toEqual({ action: 'deny' });
    expect(open('https://evil.example/', { url: 'about:blank', frameName: 'parley-mini' })).toEqual({ action: 'deny' });
  });
});

describe('links for the system browser', () => {
  it.each(['https://example.org/a?b=c', 'http://192.168.1.20:47100/'])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-settings:privacy',
    'https://user:pw@example.org/',
    `https://example.org/${'a'.repeat(3000)}`,
    'not a url',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('content security policy', () => {
  it('is the same in index.html as in the shared constant, and forbids inline and remote script', () => {
    const html = readFileSync(join(__dirname, '../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    // 'wasm-unsafe-eval' (compiling WebAssembly) is allowed; 'unsafe-eval' and 'unsafe-inline' never.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-(inline|eval)'/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
