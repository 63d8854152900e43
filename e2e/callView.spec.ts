/**
 * A four-person call as the room grows: per-sender bitrate caps, the statistics panel, the active
 * speaker highlight and speaker view.
 */
import type { Page } from '@playwright/test';
import { cameraBitrateFor } from '../src/renderer/src/call/bandwidth';
import { expect, fromMoreMenu, joinCall, openParticipant, test, type Participant } from './fixtures';

/** maxBitrate of the camera sender on every open peer connection of the page. */
const cameraCaps = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections
      .filter((pc) => pc.connectionState !== 'closed')
      .map((pc) => pc.getTransceivers().find((t) => t.receiver.track.kind === 'video')?.sender.getParameters().encodings[0]?.maxBitrate ?? null),
  );

test('four participants: camera caps fit the mesh, statistics show every peer, and the one speaker is highlighted', async ({
  browser,
  server,
  participants,
}) => {
  test.setTimeout(120_000);
  for (const name of ['Ada', 'Grace', 'Linus', 'Barbara']) {
    const participant = await openParticipant(browser, server, name);
    participants.push(participant);
    await joinCall(participant);
  }
  const [ada, ...others] = participants as [Participant, ...Participant[]];
  for (const participant of participants) await expect(participant.page.locator('figure[data-peer-id]')).toHaveCount(3);

  // Per-sender caps, read back from getParameters(): three peers share the camera budget.
  const expected = cameraBitrateFor(3);
  for (const participant of participants) {
    await expect.poll(() => cameraCaps(participant.page)).toEqual([expected, expected, expected]);
  }

  // The statistics panel: non-zero figures for every peer.
  const { page } = ada;
  await fromMoreMenu(page, 'Statistics');
  const panel = page.getByRole('complementary', { name: 'Call statistics' });
  await expect(panel.locator('tbody tr')).toHaveCount(3);
  for (const row of await panel.locator('tbody tr').all()) {
    await expect.poll(async () => Number(await row.locator('[data-stat="bitrate-in"]').textContent())).toBeGreaterThan(0);
    await expect.poll(async () => Number(await row.locator('[data-stat="frame-rate"]').textContent())).toBeGreaterThan(0);
    await expect(row.locator('[data-stat="resolution"]')).toHaveText(/^\d+×\d+$/);
    await expect(row.locator('[data-stat="rtt"]')).toHaveText(/^\d+ ms$/);
    await expect(row.locator('[data-stat="codecs"]')).toHaveText(/VP8|VP9|H264|AV1/);
    // A direct path on the LAN. The far end may show as "prflx": the same host, learned from its
    // first connectivity check because that arrived before its candidate did (CI saw it once in a
    // four-way mesh). Anything through a relay or a NAT would fail here.
    await expect(row.locator('[data-stat="path"]')).toHaveText(/^host → (host|prflx)$/);
    await expect(row.locator('[data-stat="cap"]')).toHaveText(`${expected / 1000} kbit/s`);
  }
  await expect(panel.getByRole('img', { name: /^Bitrate from / })).toHaveCount(3);

  // Only Ada's microphone stays on: the others see Ada highlighted, and nobody else.
  for (const other of others) await other.page.getByRole('button', { name: 'Mute' }).click();
  for (const other of others) {
    const adaTile = other.page.getByRole('figure', { name: 'Ada', exact: true });
    await expect(adaTile).toHaveAttribute('data-speaking', 'true', { timeout: 15_000 });
    await expect(other.page.locator('figure[data-speaking="true"]')).toHaveCount(1);
  }

  // Speaker view puts the active speaker first and large; a pin overrides it.
  const { page: gracePage } = others[0]!;
  await fromMoreMenu(gracePage, 'Speaker view');
  await expect(gracePage.locator('figure.tile--featured')).toHaveAttribute('aria-label', 'Ada');
  await gracePage.getByRole('button', { name: 'Pin Linus' }).click();
  await expect(gracePage.locator('figure.tile--featured')).toHaveAttribute('aria-label', 'Linus');
});
