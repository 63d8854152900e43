/**
 * The desktop "Host a room" path in real Chromium. Electron cannot run here, so the page gets a
 * `window.parley` whose hosting functions reach a real HostService in this test process (only the
 * IPC transport is replaced); everything else is the real renderer, server and WebRTC.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallPresence } from '../src/main/callPresence';
import { HostService } from '../src/main/hosting';
import { TrustService } from '../src/main/trust/trustService';
import { TrustStore } from '../src/main/trust/trustStore';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { desktopBridge } from './desktopBridge';
import { expect, openParticipant, RENDERER_DIR, test } from './fixtures';
import { expectMediaFlowing } from './media';

// The host's certificate is self-signed. In the app, main pins it (tested in src/main/trust);
// plain Chromium has no such hook, so here it accepts the certificate and the pin checks run in
// the TrustService behind the bridge.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] } });

test('the host clicks "Host a room", a guest types the address shown, and they see and hear each other', async ({
  browser,
  server,
  participants,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'parley-hosting-'));
  // The page comes from the fixture's server, so its origin is declared like the dev server's is.
  const hosting = new HostService({
    host: '127.0.0.1',
    defaultPort: 0,
    staticDir: RENDERER_DIR,
    allowedOrigins: [server.url],
    certificateDir: join(folder, 'certificate'),
  });
  const hostTrust = new TrustService(new TrustStore(join(folder, 'host-trust.json')));
  const guestTrust = new TrustService(new TrustStore(join(folder, 'guest-trust.json')));
  // Main's call presence, behind the bridge's call:state: the host's display is kept awake during the call.
  const awake = new Set<number>();
  let blockers = 0;
  const hostPresence = new CallPresence({
    powerSaveBlocker: { start: () => (awake.add(++blockers), blockers), stop: (id: number) => awake.delete(id) },
  });
  try {
    const host = await openParticipant(browser, server, 'Hedy', 'team', desktopBridge({ hosting, trust: hostTrust, callPresence: hostPresence }));
    participants.push(host);
    await host.page.getByLabel('Room', { exact: true }).fill('lab');
    await host.page.getByRole('button', { name: 'Host a room' }).click();

    const panel = host.page.getByRole('region', { name: 'Invite others' });
    await expect(panel).toBeVisible();
    const address = (await panel.locator('code').first().textContent())!;
    expect(address).toBe(`127.0.0.1:${hosting.status().port}`);
    const hostCode = await panel.getByTestId('security-code').textContent();
    expect(hostCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);

    // A desktop guest types the address: the app shows the host's security code to compare first.
    const guest = await openParticipant(browser, server, 'Alan', 'lab', desktopBridge({ trust: guestTrust }));
    participants.push(guest);
    await guest.page.getByLabel('Host address').fill(address);
    await guest.page.getByLabel('Room', { exact: true }).fill('lab');
    await guest.page.getByRole('button', { name: 'Join' }).click();
    const prompt = guest.page.getByRole('alertdialog', { name: 'Is this the host you mean?' });
    await expect(prompt.getByTestId('host-security-code')).toHaveText(hostCode!);
    await prompt.getByRole('button', { name: 'The codes match — join' }).click();
    await expect(guest.page.getByRole('button', { name: 'Leave' })).toBeVisible();

    await expect(host.page.getByRole('figure', { name: 'Alan', exact: true })).toBeVisible();
    await expectMediaFlowing(host.page, 1);
    await expectMediaFlowing(guest.page, 1);

    // The page told main it is in a call, with whom and how; muting is followed.
    await expect.poll(() => hostPresence.current()).toEqual({ inCall: true, room: 'lab', microphoneOn: true, cameraOn: true, participants: 2, unread: 0 });
    expect(awake.size).toBe(1);
    await host.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Mute' }).click();
    await expect.poll(() => hostPresence.current().microphoneOn).toBe(false);
    await host.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Mute' }).click();
    await expect.poll(() => hostPresence.current().microphoneOn).toBe(true);

    // The panel offers an invite link (the address and room in it) and its QR code.
    const invite = await panel.getByTestId('invite-link').inputValue();
    expect(invite).toBe(`parley://join?host=127.0.0.1&port=${hosting.status().port}&room=lab&fp=${hosting.status().fingerprint}`);
    await expect(panel.getByRole('img', { name: 'QR code of the invite link' })).toBeVisible();

    // Locked: a newcomer is refused with its own message; unlocked, "Try again" gets in.
    await host.page.getByRole('button', { name: 'Lock room' }).click();
    await expect(host.page.getByRole('button', { name: 'Unlock room' })).toHaveAttribute('aria-pressed', 'true');
    const late = await openParticipant(browser, server, 'Linus', 'lab');
    participants.push(late);
    await late.page.getByLabel('Host address').fill(`https://${address}`);
    await late.page.getByRole('button', { name: 'Join' }).click();
    await expect(late.page.getByRole('alert')).toContainText('The host has locked this room');
    await host.page.getByRole('button', { name: 'Unlock room' }).click();
    await late.page.getByRole('button', { name: 'Try again' }).click();
    await expect(late.page.getByRole('button', { name: 'Leave' })).toBeVisible();

    // The host removes Alan: Alan is told, and his tile goes from the host's screen.
    await host.page.getByRole('button', { name: 'Remove Alan from the room' }).click();
    await expect(guest.page.getByRole('alert')).toContainText('The host removed you from the room');
    await expect(host.page.getByRole('figure', { name: 'Alan', exact: true })).toHaveCount(0);
    await expect(late.page.getByRole('figure', { name: 'Alan', exact: true })).toHaveCount(0);

    // The host leaving ends the room: the server stops and the others are told, not left hanging.
    await host.page.getByRole('button', { name: 'Leave' }).click();
    await expect.poll(() => hosting.status().running).toBe(false);
    await expect.poll(() => hostPresence.current().inCall).toBe(false);
    expect(awake.size).toBe(0);
    await expect(late.page.getByRole('alert')).toContainText('The host ended the room');
    await expect(late.page.getByRole('button', { name: 'Join' })).toBeVisible();
  } finally {
    await hosting.stop();
    await rm(folder, { recursive: true, force: true });
  }
});
