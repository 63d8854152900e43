/**
 * Raise hand and reactions between four people, one of them hosting: hands reach everyone within
 * a second, in the order they went up, the same on every screen; the host lowers one and every
 * screen shows it; a reaction shows on its sender's tile for everyone; a flood of them is capped.
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
import { expect, joinCall, openParticipant, RENDERER_DIR, test, type Participant } from './fixtures';

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] } });

/**
 * Keeps, in the page, each new line of raised hands it shows (names in line order, from the people
 * panel) with the time it appeared, so a test can tell when a change reached a screen from the
 * screen's own clock, not from how quickly a busy machine answers a poll.
 */
function watchHands(): void {
  const w = window as unknown as { __handsLog: { at: number; hands: string[] }[] };
  const read = (): string[] =>
    [...document.querySelectorAll('.people__person')]
      .map((row) => ({ name: row.querySelector('.people__name')!.textContent!, place: Number(row.querySelector('.people__mark--hand [aria-hidden="true"]:not(svg)')?.textContent ?? 0) }))
      .filter((row) => row.place > 0)
      .sort((a, b) => a.place - b.place)
      .map((row) => row.name.replace(/ \(you\)$/, ''));
  w.__handsLog = [{ at: Date.now(), hands: read() }];
  // When the user's last press or key reached this page: delays count from there, not from when
  // Playwright set out to act (it first waits for the control to be ready, long on a busy machine).
  const noted = w as unknown as { __inputAt: number };
  for (const type of ['pointerup', 'keydown']) document.addEventListener(type, () => (noted.__inputAt = Date.now()), true);
  new MutationObserver(() => {
    const hands = read();
    if (JSON.stringify(hands) !== JSON.stringify(w.__handsLog.at(-1)!.hands)) w.__handsLog.push({ at: Date.now(), hands });
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** Milliseconds from `since` until this screen first showed exactly these hands (waiting up to 5 s). */
async function handsShownAfter(page: Page, hands: string[], since: number): Promise<number> {
  const shownAt = () =>
    page.evaluate((wanted) => (window as unknown as { __handsLog: { at: number; hands: string[] }[] }).__handsLog.find((entry) => JSON.stringify(entry.hands) === wanted)?.at ?? null, JSON.stringify(hands));
  await expect.poll(shownAt, { timeout: 5000 }).not.toBeNull();
  return (await shownAt())! - since;
}

/** Does `action` on `page` and returns when its press or key reached the page (see watchHands). */
async function arrivalOf(page: Page, action: () => Promise<void>): Promise<number> {
  await action();
  return page.evaluate(() => (window as unknown as { __inputAt: number }).__inputAt);
}

/** Every screen showed these hands within a second of `since` (by its own clock). */
async function expectHandsEverywhere(pages: Page[], hands: string[], since: number): Promise<void> {
  const delays = await Promise.all(pages.map((page) => handsShownAfter(page, hands, since)));
  console.log(`[hands] ${hands.join(', ') || 'none'}: shown ${delays.map((ms) => `${ms} ms`).join(', ')} after the click`);
  for (const delay of delays) expect(delay).toBeLessThanOrEqual(1000);
}

test('hands in the order raised on every screen, the host lowers one, reactions show on the sender\'s tile', async ({ browser, server, participants }) => {
  const folder = await mkdtemp(join(tmpdir(), 'parley-gestures-'));
  const hosting = new HostService({ host: '127.0.0.1', defaultPort: 0, staticDir: RENDERER_DIR, allowedOrigins: [server.url], certificateDir: join(folder, 'certificate') });
  try {
    const hedy = await openParticipant(browser, server, 'Hedy', 'team', desktopBridge({ hosting, trust: new TrustService(new TrustStore(join(folder, 'trust.json'))) }));
    participants.push(hedy);
    await hedy.page.getByLabel('Room', { exact: true }).fill('lab');
    await hedy.page.getByRole('button', { name: 'Host a room' }).click();
    const address = (await hedy.page.getByRole('region', { name: 'Invite others' }).locator('code').first().textContent())!;
    const guests: Participant[] = [];
    for (const name of ['Ada', 'Grace', 'Linus']) {
      const guest = await openParticipant(browser, server, name, 'lab');
      participants.push(guest);
      await guest.page.getByLabel('Host address').fill(`https://${address}`);
      await guest.page.getByLabel('Room', { exact: true }).fill('lab');
      await joinCall(guest);
      guests.push(guest);
    }
    const [ada, grace, linus] = guests as [Participant, Participant, Participant];
    const everyone = [hedy, ada, grace, linus];
    for (const p of everyone) {
      await expect(p.page.getByRole('figure')).toHaveCount(4);
      await p.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'People' }).click();
      await p.page.evaluate(watchHands);
    }
    const pages = everyone.map((p) => p.page);

    // Ada with the H key, then Grace and Linus with the button: everyone sees the same line within a second.
    await ada.page.locator('body').click({ position: { x: 5, y: 5 } });
    let clicked = await arrivalOf(ada.page, () => ada.page.keyboard.press('h'));
    await expectHandsEverywhere(pages, ['Ada'], clicked);
    clicked = await arrivalOf(grace.page, () => grace.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Raise hand' }).click());
    await expectHandsEverywhere(pages, ['Ada', 'Grace'], clicked);
    clicked = await arrivalOf(linus.page, () => linus.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'Raise hand' }).click());
    await expectHandsEverywhere(pages, ['Ada', 'Grace', 'Linus'], clicked);
    // On the tiles too: Grace is second in line on Hedy's screen.
    await expect(hedy.page.getByRole('figure', { name: 'Grace', exact: true }).getByRole('img', { name: 'Hand raised, 2nd in line' })).toBeVisible();

    // The host lowers Grace's hand: every screen shows it, and Grace is told.
    clicked = await arrivalOf(hedy.page, () => hedy.page.getByRole('button', { name: "Lower Grace's hand" }).click());
    await expectHandsEverywhere(pages, ['Ada', 'Linus'], clicked);
    await expect(grace.page.getByText('The host lowered your hand.')).toBeVisible();
    // Only the host may: nobody else is offered the button.
    await expect(ada.page.getByRole('button', { name: "Lower Linus's hand" })).toHaveCount(0);

    // A reaction shows on its sender's tile for the three others within a second (each screen
    // notes when it appeared).
    const others = [hedy, grace, linus];
    for (const p of others) {
      await p.page.evaluate(() => {
        const w = window as unknown as { __reactionShownAt: number | null };
        w.__reactionShownAt = null;
        new MutationObserver(() => {
          if (w.__reactionShownAt === null && document.querySelector('[aria-label="Ada reacted 🎉"]')) w.__reactionShownAt = Date.now();
        }).observe(document.body, { childList: true, subtree: true });
      });
    }
    await ada.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'React' }).click();
    clicked = await arrivalOf(ada.page, () => ada.page.getByRole('menu', { name: 'React' }).getByRole('menuitem', { name: '🎉' }).click());
    for (const p of others) {
      await expect(p.page.getByRole('figure', { name: 'Ada', exact: true }).getByRole('img', { name: 'Ada reacted 🎉' })).toBeVisible({ timeout: 5000 });
      const shownAt = await p.page.evaluate(() => (window as unknown as { __reactionShownAt: number | null }).__reactionShownAt);
      expect(shownAt! - clicked).toBeLessThanOrEqual(1000);
    }
    // A flood is capped at every receiver: twenty sent, at most five shown (counted as they appear).
    await grace.page.evaluate(() => {
      const w = window as unknown as { __reactionsSeen: number };
      w.__reactionsSeen = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && n.matches('.tile__reaction')) w.__reactionsSeen++;
      }).observe(document.body, { childList: true, subtree: true });
    });
    for (let i = 0; i < 20; i++) {
      await linus.page.getByRole('toolbar', { name: 'Call controls' }).getByRole('button', { name: 'React' }).click();
      await linus.page.getByRole('menu', { name: 'React' }).getByRole('menuitem', { name: i % 2 ? '👍' : '👏' }).click();
    }
    await grace.page.waitForTimeout(500);
    const seen = await grace.page.evaluate(() => (window as unknown as { __reactionsSeen: number }).__reactionsSeen);
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThanOrEqual(7); // five at once, and one more every two seconds while the clicks go on
  } finally {
    await hosting.stop();
    await rm(folder, { recursive: true, force: true });
  }
});
