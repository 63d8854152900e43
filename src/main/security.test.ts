import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';
import { createAppUrlMatcher, createPermissionHandlers, hardenWebContents, isSafeExternalUrl } from './security';

vi.mock('electron', () => ({}));

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

describe('permission handlers (default deny)', () => {
  const { request, check } = createPermissionHandlers(packaged);
  const contents = (url: string) => ({ getURL: () => url }) as Electron.WebContents;
  const ask = (permission: string, url: string, mediaTypes: string[] = ['audio', 'video']) =>
    new Promise<boolean>((resolve) =>
      request(contents(url), permission as never, resolve, { requestingUrl: url, mediaTypes } as never),
    );

  it('grants camera and microphone to the app itself', async () => {
    expect(await ask('media', APP_URL)).toBe(true);
    expect(check(contents(APP_URL), 'media', 'file://', { requestingUrl: APP_URL } as never)).toBe(true);
  });

  it('lets the app pick the speaker for call audio', async () => {
    expect(await ask('speaker-selection', APP_URL)).toBe(true);
    expect(await ask('speaker-selection', 'https://evil.example/')).toBe(false);
  });

  it('refuses media to any other page', async () => {
    expect(await ask('media', 'https://evil.example/')).toBe(false);
    expect(check(contents('https://evil.example/'), 'media', 'https://evil.example', { requestingUrl: 'https://evil.example/' } as never)).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'pointerLock', 'fullscreen', 'display-capture'])(
    'refuses %s even to the app',
    async (permission) => {
      expect(await ask(permission, APP_URL)).toBe(false);
      expect(check(contents(APP_URL), permission as never, 'file://', { requestingUrl: APP_URL } as never)).toBe(false);
    },
  );

  it('refuses a media request for anything but camera and microphone', async () => {
    expect(await ask('media', APP_URL, ['video', 'desktop'])).toBe(false);
  });
});

describe('web contents hardening', () => {
  it('prevents navigation, redirects and webviews, and denies new windows', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: (event: { preventDefault: () => void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
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
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
