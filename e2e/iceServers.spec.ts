/**
 * STUN/TURN settings: none by default (a LAN call asks nobody outside), validated as typed, and
 * used by every peer connection once set. The server address is the test network's own (nothing
 * answers there; nothing leaves the namespace).
 */
import type { Page } from '@playwright/test';
import { expect, joinCall, openParticipant, test } from './fixtures';
import { expectMediaFlowing } from './media';

const configuredServers = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections
      .filter((pc) => pc.connectionState !== 'closed')
      .map((pc) => pc.getConfiguration().iceServers ?? []),
  );

test('no STUN/TURN by default; a typed server is checked and then used by every connection', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada');
  const grace = await openParticipant(browser, server, 'Grace');
  participants.push(ada, grace);

  const { page } = grace;
  await page.getByText('Calls beyond this network (STUN/TURN)').click();
  const servers = page.getByLabel('STUN/TURN servers, one per line');
  const settingsAlert = page.locator('.network-settings').getByRole('alert');
  await servers.fill('https://stun.example.org');
  await expect(settingsAlert).toContainText('is not a STUN or TURN address');
  // Joining with it refuses before any network, with the same reason.
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('.home__form > .error[role="alert"]')).toContainText('is not a STUN or TURN address');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await servers.fill('stun:10.99.0.254:3478');
  await expect(settingsAlert).toHaveCount(0);

  await joinCall(ada);
  await joinCall(grace);
  await expectMediaFlowing(grace.page, 1);
  expect(await configuredServers(ada.page)).toEqual([[]]);
  expect(await configuredServers(grace.page)).toEqual([[expect.objectContaining({ urls: ['stun:10.99.0.254:3478'] })]]);
});
