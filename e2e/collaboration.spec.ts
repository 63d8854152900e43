/**
 * Chat and files over the peers' own data channels, in real Chromium pages.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { JSHandle, Page } from '@playwright/test';
import { PROGRESS_INTERVAL_MS } from '../src/renderer/src/call/fileTransfer';
import { FILE_LIMITS } from '../src/shared/collaboration';
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

/** The page side of holdFileReads(). */
interface ReadGate {
  /** Reads of the file started since the gate was installed (held ones included). */
  started: number;
  /** Reads whose bytes have been handed back to the page. */
  finished: number;
  /** Reads waiting at the gate. */
  held: number;
  /** Lets this many more reads through (`Infinity`: all of them, still counting). */
  allow(reads: number): void;
  /** Lets every read through and puts Blob.prototype back as it was. */
  release(): void;
}

/**
 * Holds the sender still mid-transfer: in this page, after `passing` more reads of the chosen file
 * (each a `file.slice(…).arrayBuffer()` of FILE_LIMITS.readBytes, as readBlocks() reads it), every
 * further read waits until the test allows it. Nothing else is touched: other files and Blobs read
 * as usual. Install it after the offer is seen, so the digest pass over the file has finished and
 * only the sending loop meets the gate. Call `release()` in a `finally`.
 */
async function holdFileReads(page: Page, fileName: string, passing: number): Promise<JSHandle<ReadGate>> {
  return page.evaluateHandle(
    ({ fileName, passing }) => {
      const { slice, arrayBuffer } = Blob.prototype;
      const parts = new WeakSet<Blob>();
      const waiting: (() => void)[] = [];
      let budget = passing;
      const gate = {
        started: 0,
        finished: 0,
        get held() {
          return waiting.length;
        },
        allow(reads: number) {
          budget += reads;
          while (budget > 0 && waiting.length > 0) {
            budget--;
            waiting.shift()!();
          }
        },
        release() {
          Blob.prototype.slice = slice;
          Blob.prototype.arrayBuffer = arrayBuffer;
          gate.allow(Infinity);
        },
      };
      Blob.prototype.slice = function (this: Blob, ...args: Parameters<Blob['slice']>) {
        const part = slice.apply(this, args);
        if (this instanceof File && this.name === fileName) parts.add(part);
        return part;
      };
      Blob.prototype.arrayBuffer = async function (this: Blob) {
        if (!parts.has(this)) return arrayBuffer.call(this);
        gate.started++;
        if (budget > 0) budget--;
        else await new Promise<void>((resolve) => waiting.push(resolve));
        const bytes = await arrayBuffer.call(this);
        gate.finished++;
        return bytes;
      };
      return gate;
    },
    { fileName, passing },
  );
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

  // A bigger one, cancelled by the receiver while it streams: the sender is held mid-file (see
  // holdFileReads), so how fast the machine moves bytes cannot finish it first.
  const blocks = 4;
  const big = await randomFile(testInfo.outputPath('archive.bin'), blocks * FILE_LIMITS.readBytes);
  await ada.page.getByLabel('File to send').setInputFiles(big.path);
  await ada.page.getByRole('button', { name: 'Send file' }).click();
  const incoming = grace.page.getByRole('listitem', { name: 'archive.bin from Ada' });
  const outgoing = ada.page.getByRole('listitem', { name: 'archive.bin to Grace' });
  // Offered, so Ada's digest pass over the file is done; nothing is read again until the accept.
  await expect(incoming.getByRole('status')).toHaveText('Offered to you');
  await expect(outgoing.getByRole('status')).toHaveText('Waiting for them to accept');
  const gate = await holdFileReads(ada.page, 'archive.bin', 1);
  const read = (key: 'started' | 'finished' | 'held') => gate.evaluate((g, key) => g[key], key);
  try {
    await incoming.getByRole('button', { name: 'Accept' }).click();
    const progress = async () => Number(await incoming.getByRole('progressbar').getAttribute('value'));
    // Grace announces progress at most every PROGRESS_INTERVAL_MS, and only as a chunk arrives: if
    // a whole block lands within that time of its first chunk, she still shows 0% (one chunk of 16 MB)
    // and nothing more comes while Ada is held. So, while she shows 0%, let one more block go once
    // that interval has passed: its first chunk is then announced. The last block is never read.
    let passed = 1;
    for (;;) {
      await expect.poll(() => read('held'), { message: 'Ada waits for her next block (readBlocks reads Blob slices?)' }).toBe(1);
      await grace.page.waitForTimeout(3 * PROGRESS_INTERVAL_MS);
      if ((await progress()) > 0 || passed === blocks - 1) break;
      passed++;
      await gate.evaluate((g) => g.allow(1));
    }
    expect(await read('started')).toBe(passed + 1);
    const percent = await progress();
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThan(100);
    expect(percent).toBeLessThanOrEqual(Math.floor((passed / blocks) * 100));
    await expect(incoming.getByRole('status')).toHaveText(/^Transferring \d+%$/);
    await expect(outgoing.getByRole('status')).toContainText('Transferring');

    let downloads = 0;
    grace.page.on('download', () => downloads++);
    await incoming.getByRole('button', { name: 'Cancel' }).click();
    await expect(incoming.getByRole('status')).toContainText('Cancelled');
    await expect(outgoing.getByRole('status')).toContainText('Cancelled — They cancelled it');

    // Open the gate (still counting): Ada's held read finishes, she sees the transfer is over and
    // reads nothing more.
    await gate.evaluate((g) => g.allow(Infinity));
    await expect.poll(() => read('finished')).toBe(passed + 1);
    expect(await read('started')).toBe(passed + 1);
    await expect(incoming.getByRole('status')).toContainText('Cancelled');
    await expect(outgoing.getByRole('status')).toContainText('Cancelled — They cancelled it');
    await expect(incoming.getByRole('button', { name: 'Save' })).toHaveCount(0);
    expect(downloads).toBe(0);
    await expectMediaFlowing(grace.page, 1);
    await expectMediaFlowing(ada.page, 1);
    // Seconds later, still nothing finished on either side.
    for (const item of [incoming, outgoing]) await expect(item.getByRole('status')).not.toContainText('Done');
    expect(Number(await incoming.getByRole('progressbar').getAttribute('value'))).toBeLessThan(100);
    expect(await read('started')).toBe(passed + 1);
    expect(downloads).toBe(0);
  } finally {
    // Never leave Ada's reads held, whatever failed (the page may be gone already).
    await gate.evaluate((g) => g.release()).catch(() => undefined);
    await gate.dispose().catch(() => undefined);
  }
});
