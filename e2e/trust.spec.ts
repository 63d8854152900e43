/**
 * Invite links pin the host's certificate: a host presenting another one is refused with its own
 * message, the right one is joined without any question. (The desktop bridge runs the real
 * TrustService; the certificate hook that enforces the pin inside Electron is tested in src/main/trust.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificate } from '../signaling-server/src/certificate';
import { createSignalingServer } from '../signaling-server/src/index';
import { formatInvite } from '../src/shared/invite';
import { TrustService } from '../src/main/trust/trustService';
import { TrustStore } from '../src/main/trust/trustStore';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { InviteInbox } from '../src/main/invites';
import { expectNoSeriousViolations } from './axe';
import { deliverInvite, desktopBridge } from './desktopBridge';
import { countWebSockets, expect, openParticipant, RENDERER_DIR, test } from './fixtures';

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] } });

test('an invite names the certificate: another one is "not the host you were invited to", the right one joins straight', async ({
  browser,
  server,
  participants,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'parley-trust-'));
  const [real, other] = await Promise.all([createCertificate(), createCertificate()]);
  const host = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: RENDERER_DIR, tls: real, allowedOrigins: [server.url] });
  try {
    const trust = new TrustService(new TrustStore(join(folder, 'trust.json')));
    const inbox = new InviteInbox(() => undefined);
    const ada = await openParticipant(browser, server, 'Ada', 'team', desktopBridge({ trust, invites: inbox }));
    participants.push(ada);
    const { page } = ada;

    // The system opens an invite link (a click in a chat, a second launch): the form fills from it.
    const forged = formatInvite({ host: '127.0.0.1', port: host.port, room: 'pinned', fingerprint: other.fingerprint, passcode: 'ignored' });
    expect(await deliverInvite(page, inbox, forged)).toBe(true);
    await expect(page.getByLabel('Host address')).toHaveValue(`127.0.0.1:${host.port}`);
    await expect(page.getByLabel('Room', { exact: true })).toHaveValue('pinned');
    await expect(page.getByLabel('Passcode (optional)')).toHaveValue('ignored');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('alert')).toContainText('This is not the host you were invited to');

    // Pasting an invite link into the address field does the same.
    const genuine = formatInvite({ host: '127.0.0.1', port: host.port, room: 'pinned', fingerprint: real.fingerprint });
    await page.getByLabel('Passcode (optional)').fill('');
    await page.getByLabel('Host address').fill(genuine);
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('button', { name: 'Leave' })).toBeVisible();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  } finally {
    await host.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test('the app connects ahead only to a host it already trusts: a first meeting waits for the click and the security code', async ({
  browser,
  server,
  participants,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'parley-trust-'));
  const host = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: RENDERER_DIR, tls: await createCertificate(), allowedOrigins: [server.url] });
  try {
    const trust = new TrustService(new TrustStore(join(folder, 'trust.json')));
    const bridge = desktopBridge({ trust });
    const ada = await openParticipant(browser, server, 'Ada', 'team', async (context) => {
      await bridge(context);
      await context.addInitScript(countWebSockets);
    });
    participants.push(ada);
    const { page } = ada;
    const sockets = () => page.evaluate(() => (window as unknown as { __sockets: number }).__sockets);

    // First meeting: the address typed and Join in reach, yet nothing connects to the host.
    await page.getByLabel('Room', { exact: true }).fill('team');
    await page.getByLabel('Host address').fill(`127.0.0.1:${host.port}`);
    await page.getByRole('button', { name: 'Join' }).hover();
    await page.waitForTimeout(1500);
    expect(await sockets()).toBe(0);
    await page.getByRole('button', { name: 'Join' }).click();
    const prompt = page.getByRole('alertdialog', { name: 'Is this the host you mean?' });
    await expect(prompt).toBeVisible();
    // The security-code dialog is modal: focus starts on Cancel, the page behind it is inert.
    await expect(prompt.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoSeriousViolations(page, 'security-code dialog');
    await prompt.getByRole('button', { name: 'The codes match — join' }).click();
    await expect(page.getByRole('button', { name: 'Leave' })).toBeVisible();
    await page.getByRole('button', { name: 'Leave' }).click();

    // Trusted now: back on the home screen the connection is made ahead, and the click uses it.
    const before = await sockets();
    await expect.poll(sockets).toBe(before + 1);
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('button', { name: 'Leave' })).toBeVisible();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    expect(await sockets()).toBe(before + 1);
  } finally {
    await host.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test('a hostile invite link is refused with a message, and nothing is filled in', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada');
  participants.push(ada);
  await ada.page.getByLabel('Room', { exact: true }).fill('mine');
  await ada.page.getByLabel('Host address').fill('parley://join?host=10.0.0.2/evil&port=47100&room=x');
  await expect(ada.page.getByRole('alert')).toContainText('no valid host address');
  await expect(ada.page.getByLabel('Room', { exact: true })).toHaveValue('mine');
});
