/**
 * Clear failures, never a hang: each way a join can be refused gets its own message and a way on.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSignalingServer } from '../signaling-server/src/index';
import { expect, joinCall, openParticipant, RENDERER_DIR, test } from './fixtures';

test('a room with a passcode: none, then a wrong one, then the right one', async ({ browser, participants }) => {
  const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: RENDERER_DIR, passcode: 'open sesame' });
  try {
    const ada = await openParticipant(browser, server, 'Ada');
    participants.push(ada);
    const { page } = ada;
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('alert')).toContainText('This room needs a passcode');
    await expect(page.getByLabel('Passcode (optional)')).toBeFocused();

    await page.getByLabel('Passcode (optional)').fill('open says me');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('alert')).toContainText('That passcode is not right');

    await page.getByLabel('Passcode (optional)').fill('open sesame');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('button', { name: 'Leave' })).toBeVisible();
  } finally {
    await server.close();
  }
});

test('an address where something else answers says it is not a Parley host', async ({ browser, server, participants }) => {
  const other = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<h1>Printer status</h1>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const ada = await openParticipant(browser, server, 'Ada');
    participants.push(ada);
    await ada.page.getByLabel('Host address').fill(`127.0.0.1:${(other.address() as AddressInfo).port}`);
    const started = Date.now();
    await ada.page.getByRole('button', { name: 'Join' }).click();
    await expect(ada.page.getByRole('alert')).toContainText('it is not a Parley host');
    expect(Date.now() - started).toBeLessThan(8000);
    await expect(ada.page.getByRole('button', { name: 'Try again' })).toBeVisible();
  } finally {
    other.closeAllConnections();
    await new Promise((resolve) => other.close(resolve));
  }
});

test('when the host ends the room everyone is told and is back on the home screen', async ({ browser, participants }) => {
  const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: RENDERER_DIR });
  const ada = await openParticipant(browser, server, 'Ada');
  participants.push(ada);
  await joinCall(ada);
  await server.close();
  await expect(ada.page.getByRole('alert')).toContainText('The host ended the room');
  await expect(ada.page.getByRole('button', { name: 'Join' })).toBeVisible();
});
