/**
 * Two Parley hosts sharing one Redis, behind HAProxy with the project's own configuration
 * (deploy/haproxy.cfg, its addresses swapped for the test's): Ada's page reaches one host, Grace's
 * the other, and they see and hear each other. Then Ada's host is killed (SIGKILL): her page
 * reconnects through HAProxy to the surviving host, keeps her id, and the call goes on.
 *
 * The pages are pinned to a host by their user agent (a test-only line in the configuration);
 * which host holds whom is read from Redis, so the test knows rather than assumes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { Redis } from 'ioredis';
import { createCertificate } from '../signaling-server/src/certificate';
import { freePort } from '../signaling-server/test/freePort';
import { startHostProcess } from '../signaling-server/test/hostProcesses';
import { redisMissing, startRedis } from '../signaling-server/test/redisServer';
import { instrumentAudioGraph } from './audioGraph';
import { expect, instrumentPeerConnections, joinCall, RENDERER_DIR, test, type Participant } from './fixtures';
import { expectMediaFlowing } from './media';

const haproxyMissing = spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).status === 0 ? null : 'haproxy is not installed (apt-get install haproxy; scripts/ensure-test-tools.sh does it as root)';
const missing = redisMissing ?? haproxyMissing;
test.skip(missing !== null, missing ?? '');

const CONFIG = resolve(import.meta.dirname, '../deploy/haproxy.cfg');
const GRACE_MS = 30_000;

/** deploy/haproxy.cfg with the test's addresses, and each page pinned to its host by user agent. */
function testConfig(port: number, pem: string, hosts: string[]): string {
  let config = readFileSync(CONFIG, 'utf8').replace(/^\s*bind :443 ssl crt \S+/m, `    bind 127.0.0.1:${port} ssl crt ${pem}`);
  config = config.replace(/^\s*server host1 .*$/m, `    server host1 ${hosts[0]}`).replace(/^\s*server host2 .*$/m, `    server host2 ${hosts[1]}`);
  return config.replace(/^(\s*balance leastconn)$/m, '$1\n    use-server host1 if { req.hdr(user-agent) -m sub ParleyOnHost1 }\n    use-server host2 if { req.hdr(user-agent) -m sub ParleyOnHost2 }');
}

async function startHaproxy(config: string, port: number): Promise<ChildProcess> {
  const child = spawn('haproxy', ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`haproxy exited: ${errors}`);
    const answered = await fetch(`https://127.0.0.1:${port}/parley.json`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return child;
    if (waited > 15_000) throw new Error(`haproxy did not answer: ${errors}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function openThroughProxy(browser: Browser, url: string, name: string, host: string): Promise<Participant> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'en-US', ignoreHTTPSErrors: true, userAgent: `Mozilla/5.0 Chromium ${host}` });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error:`, error.stack ?? error));
  await page.addInitScript(instrumentPeerConnections);
  await page.addInitScript(instrumentAudioGraph);
  await page.goto(`${url}/?room=team`);
  await page.getByLabel('Display name').fill(name);
  return { name, page, context };
}

const peerIdOf = (page: Page, name: string): Promise<string | null> => page.getByRole('figure', { name, exact: true }).getAttribute('data-peer-id');

test('two pages on different hosts behind HAProxy; one host is killed and its page carries on through the other', async ({ browser, participants }) => {
  test.setTimeout(150_000);
  // The proxy's certificate is the test's own, as the hosts' would be; Node's fetch must accept it too.
  process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
  const folder = mkdtempSync(join(tmpdir(), 'parley-proxy-'));
  const redis = await startRedis();
  const hosts: ChildProcess[] = [];
  let haproxy: ChildProcess | undefined;
  const inspector = new Redis(redis.url);
  try {
    const env = { PARLEY_TEST_REDIS_URL: redis.url, PARLEY_TEST_GRACE_MS: String(GRACE_MS), PARLEY_TEST_STATIC_DIR: RENDERER_DIR, PARLEY_TEST_TRUST_PROXY: '1' };
    const started = [await startHostProcess(env), await startHostProcess(env)];
    hosts.push(...started.map((host) => host.process));
    const certificate = await createCertificate();
    const pem = join(folder, 'parley.pem');
    writeFileSync(pem, `${certificate.cert}\n${certificate.key}\n`, { mode: 0o600 });
    const port = await freePort();
    const config = join(folder, 'haproxy.cfg');
    writeFileSync(config, testConfig(port, pem, started.map((host) => new URL(host.url).host)));
    haproxy = await startHaproxy(config, port);
    const url = `https://127.0.0.1:${port}`;

    const ada = await openThroughProxy(browser, url, 'Ada', 'ParleyOnHost1');
    const grace = await openThroughProxy(browser, url, 'Grace', 'ParleyOnHost2');
    participants.push(ada, grace);
    await joinCall(ada);
    await joinCall(grace);
    await expectMediaFlowing(ada.page, 1);
    await expectMediaFlowing(grace.page, 1);

    const adaId = (await peerIdOf(grace.page, 'Ada'))!;
    const graceId = (await peerIdOf(ada.page, 'Grace'))!;
    const hostOf = (id: string) => inspector.hget(`parley:peer:${id}`, 'host');
    const [adaHost, graceHost] = [await hostOf(adaId), await hostOf(graceId)];
    expect(adaHost).toBeTruthy();
    expect(graceHost).toBeTruthy();
    expect(adaHost).not.toBe(graceHost);

    // Ada's host goes without a goodbye.
    const killedAt = Date.now();
    started[0]!.process.kill('SIGKILL');
    // Her page reconnects through the proxy to the other host and resumes as herself.
    await expect.poll(() => hostOf(adaId), { timeout: 30_000 }).toBe(graceHost);
    const resumedAfterMs = Date.now() - killedAt;
    expect(await peerIdOf(grace.page, 'Ada')).toBe(adaId);
    expect(await peerIdOf(ada.page, 'Grace')).toBe(graceId);
    await expectMediaFlowing(ada.page, 1);
    await expectMediaFlowing(grace.page, 1);
    // And the room is whole on the surviving host: a newcomer meets both.
    const linus = await openThroughProxy(browser, url, 'Linus', 'ParleyOnHost2');
    participants.push(linus);
    await joinCall(linus);
    await expect(linus.page.locator('figure[data-peer-id]')).toHaveCount(2);
    await expectMediaFlowing(linus.page, 2);
    console.log(`[proxied hosts] Ada's session moved to the surviving host ${resumedAfterMs} ms after hers was killed; same id, media on throughout`);
  } finally {
    inspector.disconnect();
    haproxy?.kill('SIGTERM');
    for (const host of hosts) host.kill('SIGKILL');
    await redis.remove();
    rmSync(folder, { recursive: true, force: true });
    delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
  }
});
