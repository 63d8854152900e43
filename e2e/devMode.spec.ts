/**
 * `npm run dev`: the renderer's Vite dev server, started here with the same renderer config and
 * plugin as electron.vite.config.ts, loaded in Chromium with the CSP header Electron's main process
 * sends for it. The app must come up styled with no CSP violation and with HMR working; and, as
 * controls that show the checks can fail, the packaged policy must block what the dev server needs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { freePort } from '../signaling-server/test/freePort';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createServer, type Plugin, type PluginOption, type ViteDevServer } from 'vite';
import { CONTENT_SECURITY_POLICY, developmentContentSecurityPolicy } from '../src/shared/contentSecurityPolicy';
import { createDevCspNonce, devContentSecurityPolicy, withContentSecurityPolicy } from '../vite/devContentSecurityPolicy';
import { rendererConfig } from '../vite/rendererConfig';

// The app's stylesheet paints the root element (styles/tokens.css: the dark theme's --bg #14161a,
// followed from the system's appearance, dark here) and centres .home at 960px.
const APP_BACKGROUND = 'rgb(20, 22, 26)';
test.use({ colorScheme: 'dark' });

// One dependency cache for this spec's servers (one at a time), not the project's node_modules/.vite.
let cacheDir = '';
test.beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'parley-vite-dev-'));
});
test.afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});


interface DevServer {
  vite: ViteDevServer;
  url: string;
}

async function startDevServer(devCspNonce: string | undefined, extraPlugins: PluginOption[] = []): Promise<DevServer> {
  const config = rendererConfig({ devCspNonce });
  const vite = await createServer({
    ...config,
    configFile: false,
    cacheDir,
    logLevel: 'warn',
    clearScreen: false,
    plugins: [...(config.plugins ?? []), ...extraPlugins],
    // Vite's client needs the real port in its config for HMR, so not 0.
    server: { host: '127.0.0.1', port: await freePort(), strictPort: true },
  });
  try {
    await vite.listen();
    return { vite, url: `http://127.0.0.1:${vite.config.server.port}` };
  } catch (error) {
    await vite.close();
    throw error;
  }
}

/**
 * What Electron's session does for the dev server's pages: the CSP as a response header on every
 * response. (Sent by the server, not added by page.route: a fulfilled document has no address, and
 * Chromium's local network access checks then refuse the page's WebSocket to 127.0.0.1.)
 */
function cspHeader(policy: string): Plugin {
  return {
    name: 'test:csp-header',
    configureServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}

// Chromium's notice for every page with the meta tag, packaged ones too: not a violation.
const META_FRAME_ANCESTORS_NOTICE = /directive 'frame-ancestors' is ignored when delivered via a <meta> element/;
// zod probes `new Function('')` inside a try to choose its fast path; the policy refuses it (as it
// should: no eval) and zod falls back. The packaged build reports the same, so it says nothing
// about the dev server; anything else does.
const ZOD_EVAL_PROBE = /^event: script-src eval at \S*\/zod\.js:/;
const unexpected = (violations: string[]): string[] => violations.filter((violation) => !ZOD_EVAL_PROBE.test(violation));

/** Every CSP violation the page reports, as events and as console messages, across reloads. */
async function recordCspViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__parleyCspViolation', (violation: string) => seen.push(violation));
  await page.addInitScript(() => {
    const report = (window as unknown as { __parleyCspViolation: (violation: string) => Promise<void> }).__parleyCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => void report(`event: ${event.effectiveDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`), true);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (text.includes('Content Security Policy') && !META_FRAME_ANCESTORS_NOTICE.test(text)) seen.push(`console: ${text}`);
  });
  return seen;
}

const rootBackground = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const homeMaxWidth = (page: Page): Promise<string> => page.locator('main.home').evaluate((home) => getComputedStyle(home).maxWidth);

test('the dev server serves the home screen styled under the dev policy, with no CSP violation, and HMR updates its CSS', async ({ page }) => {
  // Stands in for an edit to styles.css: appended to it when set, then hot-reloaded.
  let probeCss = '';
  const cssProbe: Plugin = {
    name: 'test:css-probe',
    enforce: 'pre',
    transform(code, id) {
      if (probeCss && /\/src\/styles\.css($|\?)/.test(id)) return `${code}\n${probeCss}`;
    },
  };
  const nonce = createDevCspNonce();
  const policy = developmentContentSecurityPolicy(nonce);
  const { vite, url } = await startDevServer(nonce, [cssProbe, cspHeader(policy)]);
  try {
    const violations = await recordCspViolations(page);
    const hmrLog: string[] = [];
    page.on('console', (message) => {
      if (message.text().startsWith('[vite]')) hmrLog.push(message.text());
    });
    await page.goto(`${url}/`);

    // (a) styled: the app's stylesheet, injected by Vite's client as a nonce'd <style>, applies.
    await expect(page.getByRole('heading', { name: 'Parley' })).toBeVisible();
    await expect.poll(() => rootBackground(page)).toBe(APP_BACKGROUND);
    expect(await homeMaxWidth(page)).toBe('960px');
    expect(await page.locator('style[data-vite-dev-id$="/src/styles.css"]').evaluate((style) => (style as HTMLStyleElement).nonce)).toBe(nonce);

    // (c) the page's policy is the dev policy with this run's nonce, and Vite's client has the nonce.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(policy);
    expect(policy).toContain(`'nonce-${nonce}'`);
    expect(await page.locator('meta[property="csp-nonce"]').evaluate((meta) => (meta as HTMLMetaElement).nonce)).toBe(nonce);

    // HMR: the WebSocket connects under connect-src, and a CSS update applies without a reload.
    await expect.poll(() => hmrLog).toContain('[vite] connected.');
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
    probeCss = '.home__title { letter-spacing: 3px; }';
    const styles = await vite.environments.client.moduleGraph.getModuleByUrl('/src/styles.css');
    if (!styles) throw new Error('styles.css is not in the dev server module graph');
    await vite.environments.client.reloadModule(styles);
    await expect.poll(() => page.locator('.home__title').evaluate((title) => getComputedStyle(title).letterSpacing)).toBe('3px');
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    expect(await rootBackground(page)).toBe(APP_BACKGROUND);

    // (b) nothing was refused along the way.
    expect(unexpected(violations)).toEqual([]);
  } finally {
    await vite.close();
  }
});

test('control: the packaged policy as the header (main not sending the dev policy) blocks the dev server’s inline preamble', async ({ page }) => {
  const { vite, url } = await startDevServer(createDevCspNonce(), [cspHeader(CONTENT_SECURITY_POLICY)]);
  try {
    const violations = await recordCspViolations(page);
    await page.goto(`${url}/`);
    // plugin-react's inline preamble carries the nonce, which the packaged policy does not allow.
    await expect.poll(() => violations.some((v) => v.startsWith('event: script-src-elem inline'))).toBe(true);
    expect(violations.some((v) => v.startsWith('console:'))).toBe(true);
    expect(await rootBackground(page)).not.toBe(APP_BACKGROUND);
  } finally {
    await vite.close();
  }
});

test('control: without the dev plugin the packaged meta policy blocks the styles Vite injects, and the home screen is unstyled', async ({ page }) => {
  const { vite, url } = await startDevServer(undefined);
  try {
    const violations = await recordCspViolations(page);
    await page.goto(`${url}/`);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);
    await expect(page.getByRole('heading', { name: 'Parley' })).toBeVisible();
    await expect.poll(() => violations.some((v) => v.startsWith('event: style-src-elem inline'))).toBe(true);
    expect(violations.some((v) => v.startsWith('console:') && v.includes('style'))).toBe(true);
    expect(await rootBackground(page)).not.toBe(APP_BACKGROUND);
    expect(await homeMaxWidth(page)).toBe('none');
  } finally {
    await vite.close();
  }
});

test('a build gets neither the nonce nor the plugin, and the plugin refuses what it cannot make safe', () => {
  const build = rendererConfig({});
  expect(build.html?.cspNonce).toBeUndefined();
  expect((build.plugins ?? []).flat(3).map((p) => (p && 'name' in p ? p.name : undefined))).not.toContain('parley:dev-content-security-policy');

  const nonce = createDevCspNonce();
  expect(nonce).not.toBe(createDevCspNonce());
  expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  expect(devContentSecurityPolicy(nonce).apply).toBe('serve');
  expect(() => devContentSecurityPolicy("x' 'unsafe-inline")).toThrow(/nonce/);

  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
  expect(withContentSecurityPolicy(`<head>${meta}</head>`, 'p')).toBe('<head><meta http-equiv="Content-Security-Policy" content="p" /></head>');
  expect(() => withContentSecurityPolicy('<head></head>', 'p')).toThrow(/exactly one/);
  expect(() => withContentSecurityPolicy(`<head>${meta}${meta}</head>`, 'p')).toThrow(/exactly one/);
});
