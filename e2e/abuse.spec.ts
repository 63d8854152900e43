import { expect, joinCall, openPair, openParticipant, test } from './fixtures';
import { attack } from './attackers';
import { expectMediaFlowing } from './media';

/** The ids of everyone in a page's call, read from the tiles the page shows. */
const peerIdsOn = (page: import('@playwright/test').Page) =>
  page.locator('figure[data-peer-id]').evaluateAll((figures) => figures.map((f) => (f as HTMLElement).dataset['peerId']!));

test('10,000 hostile requests: each gets a typed error or its sender is dropped, and the honest call goes on', async ({ browser, server, participants }) => {
  test.setTimeout(120_000);
  const { ada, grace } = await openPair(browser, server, participants);
  const honestIds = [...(await peerIdsOn(grace.page)), ...(await peerIdsOn(ada.page))];

  // Watch the Ada–Grace connection (each page's only open one now) for any moment it is not connected.
  type Watched = { __parleyPeerConnections: RTCPeerConnection[]; __watched: RTCPeerConnection };
  for (const page of [ada.page, grace.page]) {
    await page.evaluate(() => {
      const w = window as unknown as Watched;
      w.__watched = w.__parleyPeerConnections.find((pc) => pc.connectionState !== 'closed')!;
    });
  }
  const watch = () => Promise.all([ada.page, grace.page].map((page) => page.evaluate(() => (window as unknown as Watched).__watched.connectionState)));
  const seen = new Set<string>();
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      for (const state of await watch()) seen.add(state);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();

  const attacking = attack(server.url, () => honestIds, { total: 10_000, seconds: 60 });
  // While the attack runs, a newcomer joins: the server must still relay its negotiation.
  const linus = await openParticipant(browser, server, 'Linus');
  participants.push(linus);
  await joinCall(linus);
  const tally = await attacking;
  watching = false;
  await watcher;

  console.log('abuse tally', JSON.stringify(tally));
  expect(tally.sent).toBeGreaterThanOrEqual(10_000);
  expect(tally.untyped).toBe(0);
  // Every request was answered with a typed error, relayed (the flood, until its limit), or lost with a dropped connection.
  const refused = Object.values(tally.refused).reduce((a, b) => a + b, 0);
  expect(refused + tally.accepted + tally.unansweredOnDrop).toBe(tally.sent);
  expect(tally.refused['BAD_REQUEST']).toBeGreaterThan(0);
  expect(tally.refused['UNKNOWN_PEER']).toBeGreaterThan(0);
  expect(tally.refused['RATE_LIMITED']).toBeGreaterThan(0);
  expect(tally.drops).toBeGreaterThan(0);

  // The server is up, and the honest call never dropped: connected throughout, media flowing now.
  expect((await (await fetch(`${server.url}/parley.json`)).json()).app).toBe('parley');
  expect([...seen]).toEqual(['connected']);
  for (const participant of [ada, grace, linus]) {
    await expect(participant.page.getByRole('figure', { name: participant.name === 'Linus' ? 'Ada' : 'Linus', exact: true })).toBeVisible();
  }
  await expectMediaFlowing(linus.page, 2);
  await expectMediaFlowing(ada.page, 2);
  await expectMediaFlowing(grace.page, 2);
});
