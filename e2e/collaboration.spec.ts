/**
 * Chat and files over the peers' own data channels, in real Chromium pages.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, joinCall, openPair, openParticipant, test } from './fixtures';
import { expectMediaFlowing } from './media';

const openPanel = (page: Page) => page.getByRole('button', { name: /^Chat and files/ }).click();

/**
 * A file of random bytes on disk, chosen by its path: handing Playwright the bytes instead copies
 * them through the DevTools protocol, which took a minute for 40 MB on the 2-core machine.
 */
async function randomFile(path: string, bytes: number): Promise<{ path: string; content: Buffer }> {
  const content = randomBytes(bytes);
  await writeFile(path, content);
  return { path, content };
}

test('a chat message reaches all three others, with an unread badge and its link made safe', async ({ browser, server, participants }) => {
  for (const name of ['Ada', 'Grace', 'Linus', 'Barbara']) {
    const participant = await openParticipant(browser, server, name);
    participants.push(participant);
    await joinCall(participant);
  }
  for (const participant of participants) await expect(participant.page.locator('figure[data-peer-id]')).toHaveCount(3);
  const [ada, ...others] = participants;

  await openPanel(ada!.page);
  await ada!.page.getByRole('textbox', { name: 'Message' }).fill('Notes are at https://example.org/notes and javascript:alert(1) is not a link');
  await ada!.page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(ada!.page.getByRole('log', { name: 'Messages' })).toContainText('Notes are at');

  for (const other of others) {
    await expect(other.page.getByRole('button', { name: 'Chat and files, 1 unread' })).toBeVisible();
    await openPanel(other.page);
    const log = other.page.getByRole('log', { name: 'Messages' });
    await expect(log).toContainText('Ada');
    await expect(log).toContainText('javascript:alert(1) is not a link');
    await expect(log.getByRole('link')).toHaveCount(1);
    await expect(log.getByRole('link')).toHaveAttribute('href', 'https://example.org/notes');
    await expect(other.page.getByRole('button', { name: 'Chat and files', exact: true })).toBeVisible();
  }
});

test('a 5 MB file arrives intact with progress to 100% on both sides; a cancelled one leaves nothing and the call goes on', async ({
  browser,
  server,
  participants,
}, testInfo) => {
  test.setTimeout(120_000);
  const { ada, grace } = await openPair(browser, server, participants);
  await openPanel(ada.page);
  await openPanel(grace.page);

  const { path, content } = await randomFile(testInfo.outputPath('minutes.bin'), 5 * 1024 * 1024);
  const sha256 = createHash('sha256').update(content).digest('hex');
  await ada.page.getByLabel('File to send').setInputFiles(path);
  await ada.page.getByLabel('To', { exact: true }).selectOption({ label: 'Grace' });
  await ada.page.getByRole('button', { name: 'Send file' }).click();

  // The receiver sees name and size before anything moves.
  const offered = grace.page.getByRole('listitem', { name: 'minutes.bin from Ada' });
  await expect(offered).toContainText('5.0 MB');
  await expect(offered.getByRole('status')).toHaveText('Offered to you');
  await offered.getByRole('button', { name: 'Accept' }).click();

  const sent = ada.page.getByRole('listitem', { name: 'minutes.bin to Grace' });
  for (const item of [offered, sent]) {
    await expect(item.getByRole('status')).toHaveText('Done, checked (SHA-256)', { timeout: 60_000 });
    await expect(item.getByRole('progressbar')).toHaveAttribute('value', '100');
  }
  const downloading = grace.page.waitForEvent('download');
  await offered.getByRole('button', { name: 'Save' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('minutes.bin');
  const saved = await readFile((await download.path())!);
  expect(createHash('sha256').update(saved).digest('hex')).toBe(sha256);

  // A bigger one, cancelled by the receiver while it streams.
  const big = await randomFile(testInfo.outputPath('archive.bin'), 40 * 1024 * 1024);
  await ada.page.getByLabel('File to send').setInputFiles(big.path);
  await ada.page.getByRole('button', { name: 'Send file' }).click();
  const incoming = grace.page.getByRole('listitem', { name: 'archive.bin from Ada' });
  await incoming.getByRole('button', { name: 'Accept' }).click();
  await expect.poll(async () => Number(await incoming.getByRole('progressbar').getAttribute('value'))).toBeGreaterThan(0);
  let downloads = 0;
  grace.page.on('download', () => downloads++);
  await incoming.getByRole('button', { name: 'Cancel' }).click();
  await expect(incoming.getByRole('status')).toContainText('Cancelled');
  await expect(ada.page.getByRole('listitem', { name: 'archive.bin to Grace' }).getByRole('status')).toContainText('Cancelled — They cancelled it');
  await expect(incoming.getByRole('button', { name: 'Save' })).toHaveCount(0);
  expect(downloads).toBe(0);
  await expectMediaFlowing(grace.page, 1);
  await expectMediaFlowing(ada.page, 1);
});
