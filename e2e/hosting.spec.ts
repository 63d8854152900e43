/**
 * The desktop "Host a room" path in real Chromium. Electron cannot run here, so the page gets a
 * `window.parley` whose hosting functions reach a real HostService in this test process (only the
 * IPC transport is replaced); everything else is the real renderer, server and WebRTC.
 */
import type { HostingStartRequest } from '../src/shared/ipc';
import { HostService } from '../src/main/hosting';
import { expect, joinCall, openParticipant, RENDERER_DIR, test } from './fixtures';
import { expectMediaFlowing } from './media';

function installDesktopBridge(): void {
  type Binding = (...args: unknown[]) => Promise<unknown>;
  const call = (name: string) => (window as unknown as Record<string, Binding>)[name]!;
  (window as unknown as { parley: unknown }).parley = {
    platform: 'linux',
    hosting: {
      start: (request: unknown) => call('__hostingStart')(request),
      stop: () => call('__hostingStop')(),
      status: () => call('__hostingStatus')(),
    },
  };
}

test('the host clicks "Host a room", a guest types the address shown, and they see and hear each other', async ({
  browser,
  server,
  participants,
}) => {
  // The page comes from the fixture's server, so its origin is declared like the dev server's is.
  const hosting = new HostService({ host: '127.0.0.1', defaultPort: 0, staticDir: RENDERER_DIR, allowedOrigins: [server.url] });
  try {
    const host = await openParticipant(browser, server, 'Hedy', 'team', async (ctx) => {
      await ctx.exposeFunction('__hostingStart', (request: HostingStartRequest) => hosting.start(request));
      await ctx.exposeFunction('__hostingStop', () => hosting.stop());
      await ctx.exposeFunction('__hostingStatus', async () => ({ ok: true, data: hosting.status() }));
      await ctx.addInitScript(installDesktopBridge);
    });
    participants.push(host);
    await host.page.getByLabel('Room').fill('lab');
    await host.page.getByRole('button', { name: 'Host a room' }).click();

    const panel = host.page.getByRole('region', { name: 'Invite others' });
    await expect(panel).toBeVisible();
    const address = (await panel.locator('code').first().textContent())!;
    expect(address).toBe(`127.0.0.1:${hosting.status().port}`);

    const guest = await openParticipant(browser, server, 'Alan', 'lab');
    participants.push(guest);
    await guest.page.getByLabel('Host address').fill(address);
    await joinCall(guest);

    await expect(host.page.getByRole('figure', { name: 'Alan', exact: true })).toBeVisible();
    await expectMediaFlowing(host.page, 1);
    await expectMediaFlowing(guest.page, 1);

    // The panel offers an invite link (the address and room in it) and its QR code.
    const invite = await panel.getByTestId('invite-link').inputValue();
    expect(invite).toBe(`parley://join?host=127.0.0.1&port=${hosting.status().port}&room=lab`);
    await expect(panel.getByRole('img', { name: 'QR code of the invite link' })).toBeVisible();

    // Locked: a newcomer is refused with its own message; unlocked, "Try again" gets in.
    await host.page.getByRole('button', { name: 'Lock room' }).click();
    await expect(host.page.getByRole('button', { name: 'Unlock room' })).toHaveAttribute('aria-pressed', 'true');
    const late = await openParticipant(browser, server, 'Linus', 'lab');
    participants.push(late);
    await late.page.getByLabel('Host address').fill(address);
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
    await expect(late.page.getByRole('alert')).toContainText('The host ended the room');
    await expect(late.page.getByRole('button', { name: 'Join' })).toBeVisible();
  } finally {
    await hosting.stop();
  }
});
