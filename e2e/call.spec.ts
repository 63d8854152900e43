import { io } from 'socket.io-client';
import { DEFAULT_ROOM_CAPACITY, PROTOCOL_VERSION } from '../src/shared/protocol';
import { expect, joinCall, openParticipant, test } from './fixtures';
import { expectMediaFlowing } from './media';

test('two participants join through the UI and see and hear each other', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada');
  const grace = await openParticipant(browser, server, 'Grace');
  participants.push(ada, grace);

  await joinCall(ada);
  await expect(ada.page.getByText('Waiting for others to join…')).toBeVisible();
  await joinCall(grace);

  await expect(ada.page.getByRole('figure', { name: 'Grace', exact: true })).toBeVisible();
  await expect(grace.page.getByRole('figure', { name: 'Ada', exact: true })).toBeVisible();
  await expectMediaFlowing(ada.page, 1);
  await expectMediaFlowing(grace.page, 1);
});

test('our own picture goes on playing from the home screen into the call: the same element, never paused', async ({ browser, server, participants }) => {
  const ada = await openParticipant(browser, server, 'Ada');
  participants.push(ada);
  const selfView = ada.page.getByRole('figure', { name: 'Ada (you)' }).locator('video');
  await expect.poll(() => selfView.evaluate((video: HTMLVideoElement) => video.videoWidth)).toBeGreaterThan(0);
  // Marked on the home screen, with a listener that notes any pause.
  await selfView.evaluate((video: HTMLVideoElement) => {
    video.dataset['homePreview'] = 'yes';
    video.addEventListener('pause', () => (video.dataset['paused'] = 'yes'));
  });
  const timeBefore = await selfView.evaluate((video: HTMLVideoElement) => video.currentTime);

  await joinCall(ada);
  const inCall = ada.page.locator('.tile--self video');
  await expect(inCall).toHaveAttribute('data-home-preview', 'yes');
  await expect.poll(() => inCall.evaluate((video: HTMLVideoElement) => video.currentTime)).toBeGreaterThan(timeBefore);
  expect(await inCall.evaluate((video: HTMLVideoElement) => ({ paused: video.paused, pauseEvent: video.dataset['paused'] ?? 'no' }))).toEqual({
    paused: false,
    pauseEvent: 'no',
  });
});

test('four participants form a full mesh, and a departure updates every screen within two seconds', async ({
  browser,
  server,
  participants,
}) => {
  const names = ['Ada', 'Grace', 'Linus', 'Barbara'];
  for (const name of names) {
    const participant = await openParticipant(browser, server, name);
    participants.push(participant);
    await joinCall(participant);
  }
  for (const participant of participants) {
    await expect(participant.page.locator('figure[data-peer-id]')).toHaveCount(3);
    await expectMediaFlowing(participant.page, 3);
  }

  const [leaver, ...stayers] = participants;
  await leaver!.page.getByRole('button', { name: 'Leave' }).click();
  await expect(leaver!.page.getByRole('button', { name: 'Join' })).toBeVisible();
  for (const participant of stayers) {
    await expect(participant.page.locator('figure[data-peer-id]')).toHaveCount(2, { timeout: 2000 });
    await expect(participant.page.getByRole('figure', { name: 'Ada', exact: true })).toHaveCount(0);
  }
});

test(`participant number ${DEFAULT_ROOM_CAPACITY + 1} is told the room is full`, async ({ browser, server, participants }) => {
  // Eight members that only hold their seats (no media), so the browser under test is the ninth.
  const seats = Array.from({ length: DEFAULT_ROOM_CAPACITY }, () => io(server.url, { transports: ['websocket'], forceNew: true }));
  try {
    for (const [i, seat] of seats.entries()) {
      const ack = await seat.timeout(5000).emitWithAck('join', { room: 'team', name: `Seat ${i}`, protocolVersion: PROTOCOL_VERSION });
      expect(ack.ok).toBe(true);
    }
    const late = await openParticipant(browser, server, 'Late');
    participants.push(late);
    await late.page.getByRole('button', { name: 'Join' }).click();
    await expect(late.page.getByRole('alert')).toContainText('The room is full');
    await expect(late.page.getByRole('button', { name: 'Join' })).toBeEnabled();
  } finally {
    for (const seat of seats) seat.disconnect();
  }
});

test('an address where no host answers gives a clear error, not a hang', async ({ browser, server, participants }) => {
  const lost = await openParticipant(browser, server, 'Lost');
  participants.push(lost);
  await lost.page.getByLabel('Host address').fill('127.0.0.1:9');
  await lost.page.getByRole('button', { name: 'Join' }).click();
  await expect(lost.page.getByRole('alert')).toContainText('Could not reach a Parley host', { timeout: 9000 });
});
