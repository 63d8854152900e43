/**
 * Keyboard only: the host types its name and room, hosts, mutes, opens chat, sends a message and
 * leaves without a pointer, and the focus is never lost (never back on <body>) on the way. The
 * guest, who only has to be there to read the message, uses the mouse.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { HostService } from '../src/main/hosting';
import { TrustService } from '../src/main/trust/trustService';
import { TrustStore } from '../src/main/trust/trustStore';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { desktopBridge } from './desktopBridge';
import { expect, openParticipant, RENDERER_DIR, test } from './fixtures';

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] } });

/** The accessible name of what has the focus (its aria-label, its label's text, or its text). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const labelled = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent;
    return labelled?.trim() ?? '';
  });

async function expectFocusKept(page: Page, step: string): Promise<void> {
  expect(await focusedName(page), `${step}: the focus fell to <body>`).not.toBeNull();
}

/** Presses `key` until the control named `name` has the focus (at most `limit` times). */
async function moveTo(page: Page, name: string | RegExp, key = 'Tab', limit = 60): Promise<void> {
  const matches = (focused: string | null) => focused !== null && (typeof name === 'string' ? focused === name : name.test(focused));
  for (let presses = 0; presses < limit; presses++) {
    if (matches(await focusedName(page))) return;
    await page.keyboard.press(key);
    await expectFocusKept(page, `moving to ${name}`);
  }
  throw new Error(`${name} never took the focus with ${key} (last: ${await focusedName(page)})`);
}

test('host, mute, chat and leave with the keyboard alone, the focus never lost', async ({ browser, server, participants }) => {
  const folder = await mkdtemp(join(tmpdir(), 'parley-keyboard-'));
  const hosting = new HostService({ host: '127.0.0.1', defaultPort: 0, staticDir: RENDERER_DIR, allowedOrigins: [server.url], certificateDir: join(folder, 'certificate') });
  try {
    const host = await openParticipant(browser, server, 'Hedy', 'team', desktopBridge({ hosting, trust: new TrustService(new TrustStore(join(folder, 'trust.json'))) }));
    participants.push(host);
    const { page } = host;
    // The page arrives with the focus on its title; the form, by Tab: name, room, Host a room.
    await page.reload();
    expect(await focusedName(page)).toBe('Parley');
    await moveTo(page, 'Display name');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Hedy');
    await moveTo(page, 'Room');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('lab');
    await moveTo(page, 'Host a room');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Leave' })).toBeVisible();
    await expectFocusKept(page, 'arriving in the call');

    const panel = page.getByRole('region', { name: 'Invite others' });
    const address = (await panel.locator('code').first().textContent())!;
    const guest = await openParticipant(browser, server, 'Alan', 'lab');
    participants.push(guest);
    await guest.page.getByLabel('Host address').fill(`https://${address}`);
    await guest.page.getByRole('button', { name: 'Join' }).click();
    await expect(guest.page.getByRole('button', { name: 'Leave' })).toBeVisible();

    // Mute with Space, then along the toolbar with the arrow keys to chat.
    await moveTo(page, 'Mute');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true');
    await expect(guest.page.getByRole('figure', { name: 'Hedy' }).getByRole('img', { name: 'Microphone muted' })).toBeVisible();
    await moveTo(page, /^Chat and files/, 'ArrowRight', 12);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: 'Chat and files' })).toBeVisible();
    await expectFocusKept(page, 'opening chat');

    // Into the panel, a message, Enter sends it.
    await moveTo(page, 'Message');
    await page.keyboard.type('Hello from the keyboard');
    await page.keyboard.press('Enter');
    await expect(guest.page.getByRole('button', { name: 'Chat and files, 1 unread' })).toBeVisible();
    await expectFocusKept(page, 'sending');

    // Escape closes the panel and gives the focus back to its button; then to Leave.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary', { name: 'Chat and files' })).toHaveCount(0);
    expect(await focusedName(page)).toMatch(/^Chat and files/);
    await moveTo(page, 'Leave', 'ArrowRight', 12);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Host a room' })).toBeVisible();
    await expectFocusKept(page, 'back home');
    await expect(guest.page.getByRole('alert')).toContainText('The host ended the room');
  } finally {
    await hosting.stop();
    await rm(folder, { recursive: true, force: true });
  }
});
