/**
 * Calls that survive a real network's trouble, on two "machines" (namespaces A and B) joined by a
 * link we degrade: the headless host and Ada on A, Grace on B typing A's address.
 */
import { execFileSync } from 'node:child_process';
import { test as base, expect, type Page } from '@playwright/test';
import { instrumentAudioGraph } from './audioGraph';
import { instrumentPeerConnections } from './fixtures';
import { sampleInbound, expectMediaFlowing, type InboundSample } from './media';
import {
  addUdpLoss,
  canMakeNamespaces,
  capBandwidth,
  changeAddress,
  createTwoMachines,
  cutSignaling,
  isolateMedia,
  HOST_PORT,
  setLink,
  type Machine,
  type TurnServer,
  type TwoMachines,
} from './twoMachines';

const hasCommand = (name: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const test = base.extend<{ net: TwoMachines }>({
  net: async ({}, use) => {
    const net = await createTwoMachines();
    await use(net);
    await net.destroy();
  },
});

test.skip(!canMakeNamespaces(), 'needs root, iproute2 and nftables to make network namespaces');
test.describe.configure({ timeout: 120_000 });

async function joinFrom(machine: Machine, net: TwoMachines, name: string, turn?: TurnServer & { relayOnly?: boolean }): Promise<Page> {
  const context = await machine.browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error:`, error));
  // Parley's own warnings (a refused signal, a failed negotiation) explain a recovery that stalls.
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().startsWith('Parley:')) console.warn(`[${name}] ${message.text()}`);
  });
  await page.addInitScript(instrumentPeerConnections);
  await page.addInitScript(instrumentAudioGraph);
  await page.goto(`${net.hostUrl}/?room=net`);
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Host address').fill(net.hostAddress);
  if (turn) {
    // Typed as a user would, under "Calls beyond this network".
    await page.getByText('Calls beyond this network (STUN/TURN)').click();
    await page.getByLabel('STUN/TURN servers, one per line').fill(turn.url);
    await page.getByLabel('TURN user name').fill(turn.username);
    await page.getByLabel('TURN password').fill(turn.credential);
    if (turn.relayOnly) await page.getByRole('checkbox', { name: /^Relay only/ }).check();
  }
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('button', { name: 'Leave' })).toBeVisible();
  return page;
}

async function callOf(net: TwoMachines): Promise<{ ada: Page; grace: Page }> {
  const ada = await joinFrom(net.a, net, 'Ada');
  const grace = await joinFrom(net.b, net, 'Grace');
  await expectMediaFlowing(ada, 1);
  await expectMediaFlowing(grace, 1);
  return { ada, grace };
}

const grew = (before: InboundSample[], after: InboundSample[]): { video: boolean; audio: boolean } => ({
  video: after.length > 0 && after.every((s, i) => s.framesDecoded > (before[i]?.framesDecoded ?? Infinity)),
  audio: after.length > 0 && after.every((s, i) => s.audioSamples > (before[i]?.audioSamples ?? Infinity)),
});

/** Milliseconds from `since` until video and audio grow on every page within one 250 ms step. */
async function timeUntilFlowing(pages: Page[], since: number, limitMs: number): Promise<number> {
  let before = await Promise.all(pages.map(sampleInbound));
  while (Date.now() - since < limitMs) {
    await new Promise((r) => setTimeout(r, 250));
    const after = await Promise.all(pages.map(sampleInbound));
    if (after.every((sample, i) => Object.values(grew(before[i]!, sample)).every(Boolean))) return Date.now() - since;
    before = after;
  }
  return Infinity;
}

/** For `seconds` one-second windows, whether video and audio grew on every page in each. */
async function watchFlow(pages: Page[], seconds: number): Promise<{ stalledWindows: string[]; frames: number[] }> {
  const stalledWindows: string[] = [];
  const first = await Promise.all(pages.map(sampleInbound));
  let before = first;
  for (let second = 1; second <= seconds; second++) {
    await new Promise((r) => setTimeout(r, 1000));
    const after = await Promise.all(pages.map(sampleInbound));
    after.forEach((sample, i) => {
      const { video, audio } = grew(before[i]!, sample);
      if (!video || !audio) stalledWindows.push(`second ${second}, page ${i}: ${video ? '' : 'video '}${audio ? '' : 'audio'}`);
    });
    before = after;
  }
  const frames = before.map((samples, i) => (samples[0]?.framesDecoded ?? 0) - (first[i]![0]?.framesDecoded ?? 0));
  return { stalledWindows, frames };
}

const peerIdsOn = (page: Page) =>
  page.locator('figure[data-peer-id]').evaluateAll((figures) => figures.map((f) => (f as HTMLElement).dataset['peerId']!));

/** What a tile's connection indicator says, as "level: explanation", or "none" before it shows. */
const readingOf = async (page: Page, name: string): Promise<string> => {
  const bars = page.getByRole('figure', { name, exact: true }).locator('[data-quality]');
  if ((await bars.count()) === 0) return 'none';
  return `${await bars.getAttribute('data-quality')}: ${await bars.getAttribute('aria-label')}`;
};

/** Waits until the reading starts with `level`, keeping each new reading seen on the way (for the log). */
async function expectReading(page: Page, name: string, level: RegExp, seen: string[], timeout: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const reading = await readingOf(page, name);
        if (seen.at(-1) !== reading) seen.push(reading);
        return reading;
      },
      { timeout, intervals: [500] },
    )
    .toMatch(level);
}

test('the connection indicator on each tile reads good on a clean link and poor with 10% loss, saying why', async ({ net }) => {
  const { ada, grace } = await callOf(net);
  const seen = { adaOnGrace: [] as string[], graceOnAda: [] as string[] };
  try {
    // A new call's first seconds can read fair (the encoders ramp up within the bandwidth estimate).
    await expectReading(grace, 'Ada', /^good/, seen.adaOnGrace, 20_000);
    await expectReading(ada, 'Grace', /^good/, seen.graceOnAda, 20_000);
    addUdpLoss(net.b, 10);
    const lossFrom = Date.now();
    await expectReading(grace, 'Ada', /^poor: Connection: poor\. \d+% of the packets from them are lost on the way\.$/, seen.adaOnGrace, 15_000);
    console.log(`[indicator] Ada's tile at Grace read poor ${Date.now() - lossFrom} ms after 10% loss began`);
    // The other way (Grace's packets, dropped as they leave B) Ada measures only 1-2% loss, on
    // both sides of the fair threshold (1.5%) from run to run: logged, not asserted.
    await grace.waitForTimeout(3000);
    seen.graceOnAda.push(await readingOf(ada, 'Grace'));
  } finally {
    console.log(`[indicator] readings of Ada at Grace: ${seen.adaOnGrace.join(' → ')}`);
    console.log(`[indicator] readings of Grace at Ada: ${seen.graceOnAda.join(' → ')}`);
  }
});

test('with no network path between them (only the host reachable), both sides say why within 15 s', async ({ net }) => {
  isolateMedia(net.b, HOST_PORT);
  const ada = await joinFrom(net.a, net, 'Ada');
  const grace = await joinFrom(net.b, net, 'Grace');
  const joined = Date.now();
  const why = /^No network path to (Ada|Grace): your networks keep you apart\. A TURN server can relay the call/;
  await expect(grace.getByRole('figure', { name: 'Ada', exact: true }).getByRole('status')).toHaveText(why, { timeout: 15_000 });
  await expect(ada.getByRole('figure', { name: 'Grace', exact: true }).getByRole('status')).toHaveText(why, { timeout: 15_000 });
  console.log(`[no path] both sides said why ${Date.now() - joined} ms after Grace joined`);
});

/** The types of the candidates in the pair this page's open connection uses. */
const selectedPair = (page: Page) =>
  page.evaluate(async () => {
    const pc = (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections.find((c) => c.connectionState === 'connected');
    if (!pc) return null;
    const reports = new Map<string, Record<string, unknown>>();
    (await pc.getStats()).forEach((report: Record<string, unknown>) => reports.set(String(report['id']), report));
    const transport = [...reports.values()].find((report) => report['type'] === 'transport' && report['selectedCandidatePairId']);
    const pair = reports.get(String(transport?.['selectedCandidatePairId']));
    return { local: reports.get(String(pair?.['localCandidateId']))?.['candidateType'], remote: reports.get(String(pair?.['remoteCandidateId']))?.['candidateType'] };
  });

test('with no direct path, a TURN server (coturn) typed by one side carries the call over a relayed pair', async ({ net }) => {
  test.skip(!hasCommand('turnserver'), 'needs coturn (scripts/ensure-test-tools.sh installs it as root)');
  const turn = await net.startTurnServer();
  isolateMedia(net.b, HOST_PORT, [turn.port]);
  const ada = await joinFrom(net.a, net, 'Ada');
  const grace = await joinFrom(net.b, net, 'Grace', turn);
  const joined = Date.now();
  await expectMediaFlowing(grace, 1);
  await expectMediaFlowing(ada, 1);
  console.log(`[turn] media both ways ${Date.now() - joined} ms after Grace joined; Grace's pair: ${JSON.stringify(await selectedPair(grace))}`);
  expect(await selectedPair(grace)).toMatchObject({ local: 'relay' });
  // Ada's end of the same pair: 'relay', or 'prflx' when Grace's first check through the TURN
  // server reaches Ada before Grace's relay candidate does over signaling (ICE then learns the
  // address from the check). The direct path is blocked, so either way it is the relayed pair.
  expect(['relay', 'prflx']).toContain((await selectedPair(ada))?.remote);
  await expect(grace.getByRole('figure', { name: 'Ada', exact: true }).getByRole('status')).toHaveCount(0);
});

test('relay only: even with a direct path, Grace sends through the TURN server and Ada never learns her address', async ({ net }) => {
  test.skip(!hasCommand('turnserver'), 'needs coturn (scripts/ensure-test-tools.sh installs it as root)');
  const turn = await net.startTurnServer();
  const ada = await joinFrom(net.a, net, 'Ada');
  const grace = await joinFrom(net.b, net, 'Grace', { ...turn, relayOnly: true });
  await expectMediaFlowing(grace, 1);
  await expectMediaFlowing(ada, 1);
  expect(await selectedPair(grace)).toMatchObject({ local: 'relay' });
  // Every candidate of Grace's that Ada was given is the TURN server's, none carries B's address.
  const graceAsAdaSees = await ada.evaluate(async () => {
    const pc = (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections.find((c) => c.connectionState === 'connected')!;
    const remote: { type: unknown; address: unknown }[] = [];
    (await pc.getStats()).forEach((report: Record<string, unknown>) => {
      if (report['type'] === 'remote-candidate') remote.push({ type: report['candidateType'], address: report['address'] ?? report['ip'] });
    });
    return remote;
  });
  console.log(`[relay only] Grace's candidates at Ada: ${JSON.stringify(graceAsAdaSees)}`);
  expect(graceAsAdaSees.length).toBeGreaterThan(0);
  for (const candidate of graceAsAdaSees) expect(candidate).toEqual({ type: 'relay', address: net.a.address });
  expect(JSON.stringify(graceAsAdaSees)).not.toContain(net.b.address);
});

test('with 5% UDP loss both ways and a 1.5 Mbit/s link, video and audio keep flowing both ways for 20 s', async ({ net }) => {
  const { ada, grace } = await callOf(net);
  addUdpLoss(net.b, 5);
  capBandwidth(net.a, '1500kbit');
  capBandwidth(net.b, '1500kbit');
  const { stalledWindows, frames } = await watchFlow([ada, grace], 20);
  console.log(`loss+cap: frames decoded in 20 s — Ada ${frames[0]}, Grace ${frames[1]}; stalled windows: ${stalledWindows.length}`);
  expect(stalledWindows).toEqual([]);
});

test('after the link is down for 10 s, media resumes within 5 s of its return, untouched', async ({ net }) => {
  const { ada, grace } = await callOf(net);
  setLink(net.b, 'down');
  await new Promise((r) => setTimeout(r, 10_000));
  setLink(net.b, 'up');
  const resumedIn = await timeUntilFlowing([ada, grace], Date.now(), 15_000);
  console.log(`outage: media flowing both ways ${resumedIn} ms after the link returned`);
  expect(resumedIn).toBeLessThan(10_000);
  await expect(grace.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0, { timeout: 10_000 });
});

/**
 * Grace (on B) is the polite side of the pair when her id sorts first (mesh.ts isPolite). Each role
 * recovers differently from her own address change: impolite, she restarts ICE herself; polite, she
 * asks Ada to (a restart-ice signal). Grace leaves and joins again, for a new id, until she has the
 * role the test is about (half the time at once).
 */
async function callWithGraceAs(net: TwoMachines, role: 'polite' | 'impolite'): Promise<{ ada: Page; grace: Page }> {
  let ada = await joinFrom(net.a, net, 'Ada');
  let grace = await joinFrom(net.b, net, 'Grace');
  for (let attempt = 1; ; attempt++) {
    await expectMediaFlowing(ada, 1);
    await expectMediaFlowing(grace, 1);
    // One tile each: the one who left is gone from the other's screen, so the ids read are current.
    for (const page of [ada, grace]) await expect(page.locator('figure[data-peer-id]')).toHaveCount(1);
    const [graceId] = await peerIdsOn(ada);
    const [adaId] = await peerIdsOn(grace);
    if ((graceId! < adaId!) === (role === 'polite')) return { ada, grace };
    // Each try is a coin toss (fresh ids): 16 misses in a row is one run in 65,000.
    if (attempt === 16) throw new Error(`Grace never got to be the ${role} side (last ids: Ada ${adaId}, Grace ${graceId})`);
    // A new participant, with a new id, taking turns: with Ada's id kept, a high one of hers would
    // leave Grace's few chances to sort after it (the test failed so about one run in nine).
    if (attempt % 2 === 1) {
      await grace.context().close();
      grace = await joinFrom(net.b, net, 'Grace');
    } else {
      await ada.context().close();
      ada = await joinFrom(net.a, net, 'Ada');
    }
  }
}

/** Timestamps of what a page saw: the network going and coming, its connection's states. */
const watchRecovery = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __recovery: string[]; __parleyPeerConnections: RTCPeerConnection[] };
    w.__recovery = [];
    const note = (what: string) => w.__recovery.push(`${Date.now() % 100_000} ${what}`);
    addEventListener('online', () => note('online'));
    addEventListener('offline', () => note('offline'));
    for (const pc of w.__parleyPeerConnections.filter((c) => c.connectionState !== 'closed')) {
      pc.addEventListener('connectionstatechange', () => note(`pc ${pc.connectionState}`));
      pc.addEventListener('signalingstatechange', () => note(`sig ${pc.signalingState}`));
      pc.addEventListener('iceconnectionstatechange', () => note(`ice ${pc.iceConnectionState}`));
      pc.addEventListener('icecandidate', ({ candidate }) => note(`cand ${candidate ? `${candidate.address} ${candidate.type}` : 'end'}`));
      pc.getTransceivers()[0]?.sender.transport?.iceTransport?.addEventListener('selectedcandidatepairchange', () => note('pair changed'));
    }
  });

for (const role of ['polite', 'impolite'] as const) test(`when B (the ${role} side) comes back on a new address, the call finds its way back within 10 s`, async ({ net }) => {
  const { ada, grace } = await callWithGraceAs(net, role);
  await watchRecovery(grace);
  await watchRecovery(ada);
  const idsBefore = [await peerIdsOn(ada), await peerIdsOn(grace)];
  for (const page of [ada, grace]) await page.getByRole('button', { name: /^Chat and files/ }).click();
  setLink(net.b, 'down');
  // Sent while Grace is unreachable: it must arrive once, after she is back.
  await ada.getByRole('textbox', { name: 'Message' }).fill('Are you still there?');
  await ada.getByRole('button', { name: 'Send', exact: true }).click();
  await new Promise((r) => setTimeout(r, 5000));
  changeAddress(net.b, '10.77.0.3');
  setLink(net.b, 'up');
  const linkUp = Date.now();
  const resumedIn = await timeUntilFlowing([ada, grace], linkUp, 20_000);
  console.log(`address change (Grace ${role}): media flowing both ways ${resumedIn} ms after the link returned (at ${linkUp % 100_000})`);
  const seenBy = (page: Page) => page.evaluate(() => (window as unknown as { __recovery: string[] }).__recovery.join(' | '));
  console.log(`  Grace saw: ${await seenBy(grace)}`);
  const adaSaw = await seenBy(ada);
  console.log(`  Ada saw: ${adaSaw}`);
  // Only B's network changed: Ada's browser saw nothing of it, so the recovery was Grace's doing.
  expect(adaSaw).not.toMatch(/offline|online/);
  expect(resumedIn).toBeLessThan(10_000);
  // The signaling came back too, as the same participant: nobody left, nobody new.
  await expect(grace.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0, { timeout: 10_000 });
  expect([await peerIdsOn(ada), await peerIdsOn(grace)]).toEqual(idsBefore);
  const graceLog = grace.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'Are you still there?' });
  await expect(graceLog).toHaveCount(1);
  await grace.waitForTimeout(1000);
  await expect(graceLog).toHaveCount(1);
  // The media really goes over B's new address: the selected pair's local candidate on Grace's
  // side. (Seen from Ada it may be a peer-reflexive candidate, whose address stats leave empty.)
  const selectedLocal = await grace.evaluate(async () => {
    const pc = (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections.find((p) => p.connectionState === 'connected');
    const reports = new Map<string, Record<string, unknown>>();
    (await pc!.getStats()).forEach((report: Record<string, unknown>) => reports.set(String(report['id']), report));
    const transport = [...reports.values()].find((report) => report['type'] === 'transport' && report['selectedCandidatePairId']);
    const pair = reports.get(String(transport?.['selectedCandidatePairId']));
    return String(reports.get(String(pair?.['localCandidateId']))?.['address'] ?? '');
  });
  expect(selectedLocal).toBe('10.77.0.3');
});

test('with only the signaling connection cut for 10 s, media plays throughout and the room is intact after', async ({ net }) => {
  const { ada, grace } = await callOf(net);
  const idsBefore = [await peerIdsOn(ada), await peerIdsOn(grace)];
  const restore = cutSignaling(net.b, HOST_PORT);
  await expect(grace.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible({ timeout: 12_000 });
  const { stalledWindows } = await watchFlow([ada, grace], 8);
  restore();
  expect(stalledWindows).toEqual([]);
  await expect(grace.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0, { timeout: 10_000 });
  expect([await peerIdsOn(ada), await peerIdsOn(grace)]).toEqual(idsBefore);
  await expect(ada.getByRole('heading', { level: 1 })).toContainText('2 people');
  // Signaling works again end to end: Grace's mute reaches Ada (over the peer link) and a newcomer
  // joining through the host now reaches both.
  const linus = await joinFrom(net.a, net, 'Linus');
  await expectMediaFlowing(linus, 2);
  await expect(grace.getByRole('figure', { name: 'Linus', exact: true })).toBeVisible();
});
