/**
 * Receivers say what they show, and senders send that: in speaker view the featured participant's
 * camera reaches us at least 4× the pixels of a thumbnail's, read from each sender's own getStats
 * (its connection to us), and when our window is hidden every sender's encoding to us goes inactive,
 * and comes back when it is shown again. All without renegotiating.
 */
import type { Page } from '@playwright/test';
import { descriptionCount, expectMediaFlowing } from './media';
import { expect, fromMoreMenu, joinCall, openParticipant, test, type Participant } from './fixtures';
import { emulatePageFocus, setPageFocus } from './pageFocus';

/** The ICE username fragments of the viewer's connections: how a sender finds its connection to the viewer. */
const localUfrags = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections.flatMap((pc) => [...(pc.localDescription?.sdp.matchAll(/a=ice-ufrag:(\S+)/g) ?? [])].map((m) => m[1]!)),
  );

/** What this sender's camera sends to the viewer: pixels per frame (from getStats) and whether its encoding is active. */
function sendingTo(sender: Page, viewerUfrags: string[]) {
  return sender.evaluate(async (ufrags) => {
    const pcs = (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections;
    const pc = pcs.find((candidate) => candidate.connectionState !== 'closed' && ufrags.some((ufrag) => candidate.remoteDescription?.sdp.includes(`a=ice-ufrag:${ufrag}`)));
    if (!pc) throw new Error('no connection to the viewer');
    const camera = pc.getTransceivers().find((transceiver) => transceiver.sender.track?.kind === 'video' || transceiver.receiver.track.kind === 'video')!.sender;
    let pixels = 0;
    let framesEncoded = 0;
    (await camera.getStats()).forEach((report: Record<string, unknown>) => {
      if (report['type'] !== 'outbound-rtp') return;
      pixels = Number(report['frameWidth'] ?? 0) * Number(report['frameHeight'] ?? 0);
      framesEncoded = Number(report['framesEncoded'] ?? 0);
    });
    return { pixels, framesEncoded, active: camera.getParameters().encodings[0]?.active ?? true };
  }, viewerUfrags);
}

test('speaker view: featured ≥ 4× a thumbnail\'s pixels from each sender; hidden: nothing sent; shown again: back', async ({ browser, server, participants }) => {
  const grace = await openParticipant(browser, server, 'Grace', 'team', emulatePageFocus, { viewport: { width: 1000, height: 900 } });
  participants.push(grace);
  const senders: Participant[] = [];
  for (const name of ['Ada', 'Linus', 'Alan']) {
    const sender = await openParticipant(browser, server, name);
    participants.push(sender);
    senders.push(sender);
  }
  await joinCall(grace);
  for (const sender of senders) await joinCall(sender);
  await expectMediaFlowing(grace.page, 3);

  await fromMoreMenu(grace.page, 'Speaker view');
  await grace.page.getByRole('button', { name: 'Pin Ada' }).click();
  const tile = (name: string) => grace.page.getByRole('figure', { name, exact: true });
  await expect(tile('Ada')).toHaveAttribute('data-view', 'featured');
  await expect(tile('Linus')).toHaveAttribute('data-view', /thumbnail|hidden/);
  const descriptions = await descriptionCount(grace.page);

  const ufrags = await localUfrags(grace.page);
  const [ada, linus, alan] = senders as [Participant, Participant, Participant];
  // Within a second or two the encoders follow (a new size takes a keyframe or two to show in the stats).
  await expect
    .poll(async () => {
      const featured = await sendingTo(ada.page, ufrags);
      const thumbnail = await sendingTo(linus.page, ufrags);
      return thumbnail.pixels > 0 && featured.pixels >= 4 * thumbnail.pixels;
    }, { timeout: 10_000 })
    .toBe(true);
  const featured = await sendingTo(ada.page, ufrags);
  const thumbnail = await sendingTo(linus.page, ufrags);
  console.log(`featured ${featured.pixels} px/frame, thumbnail ${thumbnail.pixels} px/frame (${(featured.pixels / thumbnail.pixels).toFixed(1)}×)`);

  // Grace's window is hidden (minimised): no sender encodes for her any more.
  await setPageFocus(grace.page, 'hidden');
  for (const sender of [ada, linus, alan]) await expect.poll(async () => (await sendingTo(sender.page, ufrags)).active, { timeout: 2000 }).toBe(false);
  const stopped = await sendingTo(ada.page, ufrags);
  await ada.page.waitForTimeout(1000);
  expect((await sendingTo(ada.page, ufrags)).framesEncoded - stopped.framesEncoded).toBeLessThanOrEqual(1);

  // Shown again: the pictures come back, and nothing was renegotiated on the way.
  await setPageFocus(grace.page, 'front');
  for (const sender of [ada, linus, alan]) await expect.poll(async () => (await sendingTo(sender.page, ufrags)).active, { timeout: 2000 }).toBe(true);
  await expectMediaFlowing(grace.page, 3);
  expect(await descriptionCount(grace.page)).toEqual(descriptions);
});
