/**
 * Rooms found on the local network: two hosts announce over mDNS (real bonjour-service on the test
 * namespace's loopback), a joiner's list shows both with the passcode flag, a stopped host leaves
 * the list, and one click (plus the passcode) joins.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { advertiseRoom } from '../signaling-server/src/advertise';
import { RoomFinder } from '../src/main/discovery/roomFinder';
import { HostService } from '../src/main/hosting';
import { TrustService } from '../src/main/trust/trustService';
import { TrustStore } from '../src/main/trust/trustStore';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { desktopBridge, nudgeNearbyRooms } from './desktopBridge';
import { expect, openParticipant, RENDERER_DIR, test } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] } });

test('two hosts announce their rooms; the list shows both, drops a stopped one, and joins with one click', async ({
  browser,
  server,
  participants,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'parley-discovery-'));
  const host = (name: string) =>
    new HostService({
      host: '0.0.0.0',
      defaultPort: 0,
      staticDir: RENDERER_DIR,
      allowedOrigins: [server.url],
      certificateDir: join(folder, name),
      advertise: advertiseRoom,
    });
  const alphaHost = host('alpha');
  const betaHost = host('beta');
  let page: Page | undefined;
  const finder = new RoomFinder(() => void (page && nudgeNearbyRooms(page).catch(() => undefined)));
  try {
    await alphaHost.start({ room: 'alpha', passcode: 'swordfish' });
    await betaHost.start({ room: 'beta' });

    const trust = new TrustService(new TrustStore(join(folder, 'trust.json')));
    const ada = await openParticipant(browser, server, 'Ada', 'team', desktopBridge({ trust, nearbyRooms: finder }));
    participants.push(ada);
    page = ada.page;
    // Main tells its window of every change; here the page only exists once openParticipant
    // returns, and a host found before that (the page's first list starts the search) had no
    // page to tell.
    await nudgeNearbyRooms(page);
    const nearby = page.getByRole('region', { name: 'Rooms nearby' });
    await expect(nearby.getByRole('listitem')).toHaveCount(2, { timeout: 15_000 });
    await expect(nearby.getByRole('listitem').filter({ hasText: 'alpha' })).toContainText('needs a passcode');
    await expect(nearby.getByRole('listitem').filter({ hasText: 'beta' })).not.toContainText('needs a passcode');

    // Stopping a host withdraws its announcement: it leaves the list by itself.
    await betaHost.stop();
    await expect(nearby.getByRole('listitem')).toHaveCount(1, { timeout: 15_000 });
    await expect(nearby.getByRole('listitem')).toContainText('alpha');

    // One click: the room needs a passcode, so the app asks for it first.
    await nearby.getByRole('button', { name: /^Join alpha on / }).click();
    await expect(page.getByRole('alert')).toContainText('This room needs a passcode');
    await page.getByLabel('Passcode (optional)').fill('swordfish');
    await nearby.getByRole('button', { name: /^Join alpha on / }).click();
    // First meeting: compare the code (the list shows it too), then in.
    const prompt = page.getByRole('alertdialog', { name: 'Is this the host you mean?' });
    await prompt.getByRole('button', { name: 'The codes match — join' }).click();
    await expect(page.getByRole('button', { name: 'Leave' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('alpha');
  } finally {
    finder.stop();
    await Promise.all([alphaHost.stop(), betaHost.stop()]);
    await rm(folder, { recursive: true, force: true });
  }
});
