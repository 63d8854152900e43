/**
 * SFU mode end to end, with a real Janus (Debian's package) driven by the headless host: each page
 * has one connection sending its camera (in simulcast layers) to Janus and receives everyone
 * else's through one other; in speaker view the thumbnails get the small layer and the featured
 * tile the full one, and a hidden window gets no video; chat and a file go round; a leaver's tile,
 * and a removed participant's, go from every screen within two seconds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { createSignalingServer, type SignalingServer } from '../signaling-server/src/index';
import { janusMissing, startJanus, type JanusInstance } from '../signaling-server/test/janusServer';
import { expect, fromMoreMenu, joinCall, openParticipant, RENDERER_DIR, test as base, type Participant } from './fixtures';
import { emulatePageFocus, setPageFocus } from './pageFocus';

const test = base.extend<{ janus: JanusInstance; sfuServer: SignalingServer }>({
  janus: async ({}, use) => {
    const janus = await startJanus();
    await use(janus);
    await janus.stop();
  },
  sfuServer: async ({ janus }, use) => {
    const server = await createSignalingServer({ host: '127.0.0.1', port: 0, staticDir: RENDERER_DIR, capacity: 50, janus, hostKey: HOST_KEY });
    await use(server);
    await server.close();
  },
});

interface MediaPicture {
  /** Connections whose camera sender has encoded frames, and how many layers each sends. */
  sendingCamera: { layers: number }[];
  /** Every video arriving: its height, and frames decoded so far. */
  receiving: { height: number; frames: number }[];
}

/** What this page's connections send and receive, from their own getStats. */
const mediaOf = (page: Page): Promise<MediaPicture> =>
  page.evaluate(async () => {
    const pcs = (window as unknown as { __parleyPeerConnections: RTCPeerConnection[] }).__parleyPeerConnections.filter((pc) => pc.connectionState !== 'closed');
    const picture: MediaPicture = { sendingCamera: [], receiving: [] };
    for (const pc of pcs) {
      let layers = 0;
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report['kind'] !== 'video') return;
        if (report['type'] === 'outbound-rtp' && Number(report['framesEncoded'] ?? 0) > 0) layers++;
        if (report['type'] === 'inbound-rtp' && Number(report['framesDecoded'] ?? 0) > 0) picture.receiving.push({ height: Number(report['frameHeight'] ?? 0), frames: Number(report['framesDecoded']) });
      });
      if (layers > 0) picture.sendingCamera.push({ layers });
    }
    return picture;
  });

/** The arriving videos whose frames advance over a second, with their heights. */
async function decodingVideos(page: Page): Promise<{ height: number }[]> {
  const before = (await mediaOf(page)).receiving;
  await page.waitForTimeout(1000);
  const after = (await mediaOf(page)).receiving;
  return after.filter((video, i) => video.frames > (before[i]?.frames ?? Infinity));
}

const videosDecoding = async (page: Page): Promise<number> => (await decodingVideos(page)).length;

const PEOPLE = ['Ada', 'Grace', 'Linus', 'Alan', 'Barbara', 'Edsger'];
/** The headless host's PARLEY_HOST_KEY: Ada opens the organiser link, so she may remove people. */
const HOST_KEY = 'organiser-key-for-the-sfu-test';

test.skip(Boolean(janusMissing), janusMissing ?? '');

test('through Janus: one connection sends each camera in layers, everyone decodes everyone, thumbnails get the small layer, chat, files, leaving and removal work', async ({ browser, janus, sfuServer, participants }) => {
  test.setTimeout(150_000);
  const pages: Participant[] = [];
  for (const name of PEOPLE) {
    const fragment = name === 'Ada' ? `#host-key=${HOST_KEY}` : '';
    const participant = await openParticipant(browser, sfuServer, name, 'all-hands', emulatePageFocus, { fragment });
    if (name === 'Ada') {
      // The organiser link: the page says what it means, and the key leaves the address bar.
      await expect(participant.page.getByText('From an organiser link')).toBeVisible();
      expect(participant.page.url()).not.toContain('host-key');
    }
    participants.push(participant);
    pages.push(participant);
    await joinCall(participant);
  }
  const others = PEOPLE.length - 1;
  for (const { page, name } of pages) {
    await expect.poll(() => videosDecoding(page), { timeout: 30_000, message: `${name} decodes the others` }).toBe(others);
  }
  for (const { page, name } of pages) {
    const { sendingCamera } = await mediaOf(page);
    console.log(`[sfu] ${name} sends its camera on ${sendingCamera.length} connection(s), ${sendingCamera.map((c) => c.layers).join('/')} layers`);
    expect(sendingCamera, `${name}: one connection sends the camera`).toHaveLength(1);
    expect(sendingCamera[0]!.layers, `${name}: in at least two layers`).toBeGreaterThanOrEqual(2);
  }

  // Speaker view on Ada's screen: Grace featured, the others thumbnails.
  const ada = pages[0]!.page;
  await fromMoreMenu(ada, 'Speaker view');
  await ada.getByRole('button', { name: 'Pin Grace' }).click();
  await expect(ada.getByRole('figure', { name: 'Grace', exact: true })).toHaveAttribute('data-view', 'featured');
  // What Ada's screen shows of each: Janus forwards the full layer for the featured tile, the
  // small one for thumbnails, nothing for tiles not shown (speaker view hides what does not fit).
  const views = await ada.locator('figure[data-view]').evaluateAll((figures) => figures.map((figure) => (figure as HTMLElement).dataset['view']!));
  const shown = views.filter((view) => view === 'featured' || view === 'thumbnail').length;
  const heightsNow = async () => (await decodingVideos(ada)).map((video) => video.height).sort((a, b) => b - a);
  await expect.poll(heightsNow, { timeout: 10_000 }).toEqual([480, ...Array(shown - 1).fill(240)]);
  console.log(`[sfu] Ada in speaker view (${views.join(', ')}) decodes heights ${(await heightsNow()).join(', ')}`);

  // Ada's window hidden: Janus forwards her no video at all; shown again, it all comes back. Her
  // page asks for all five in one request (sfuMedia's applyLayers); when it sent one per peer, one
  // after the other, the last was seen still pending after five seconds on two loaded cores.
  const hiddenAt = Date.now();
  await setPageFocus(ada, 'hidden');
  await expect.poll(() => videosDecoding(ada), { timeout: 10_000 }).toBe(0);
  const stoppedAfter = Date.now() - hiddenAt;
  const frontAt = Date.now();
  await setPageFocus(ada, 'front');
  await expect.poll(() => videosDecoding(ada), { timeout: 10_000 }).toBe(shown);
  console.log(`[sfu] Ada hidden: no video decoding ${stoppedAfter} ms later; in front again: all ${shown} back ${Date.now() - frontAt} ms later`);

  // The statistics read each participant's streams from the connection to Janus.
  await fromMoreMenu(ada, 'Statistics');
  const graceRow = ada.getByRole('row', { name: /^Grace/ });
  await expect(graceRow.locator('[data-stat="resolution"]')).toHaveText('640×480', { timeout: 5000 });
  await expect.poll(async () => Number((await graceRow.locator('[data-stat="bitrate-in"]').textContent())?.replace(/[^\d.]/g, '') || 0), { timeout: 5000 }).toBeGreaterThan(100);
  await ada.getByRole('complementary').getByRole('button').first().click();

  // Chat over the peers' own data channels.
  await ada.getByRole('button', { name: /^Chat and files/ }).click();
  await ada.getByRole('textbox', { name: 'Message' }).fill('Hello, all hands');
  await ada.getByRole('button', { name: 'Send', exact: true }).click();
  for (const { page } of pages.slice(1)) {
    await page.getByRole('button', { name: /^Chat and files/ }).click();
    await expect(page.getByRole('log', { name: 'Messages' }).getByText('Hello, all hands')).toBeVisible({ timeout: 5000 });
  }

  // A file to everyone, also over the peers' data channels: each accepts it and gets it whole.
  const agenda = randomBytes(256 * 1024);
  await ada.getByLabel('File to send').setInputFiles({ name: 'agenda.bin', mimeType: 'application/octet-stream', buffer: agenda });
  await ada.getByLabel('To', { exact: true }).selectOption({ label: 'Everyone' });
  await ada.getByRole('button', { name: 'Send file' }).click();
  const sha256 = createHash('sha256').update(agenda).digest('hex');
  for (const { page, name } of pages.slice(1)) {
    const offered = page.getByRole('listitem', { name: 'agenda.bin from Ada' });
    await offered.getByRole('button', { name: 'Accept' }).click();
    await expect(offered.getByRole('status'), `${name} has the file`).toHaveText('Done, checked (SHA-256)', { timeout: 20_000 });
  }
  const saving = pages[5]!.page.waitForEvent('download');
  await pages[5]!.page.getByRole('listitem', { name: 'agenda.bin from Ada' }).getByRole('button', { name: 'Save' }).click();
  const saved = await (await saving).path();
  expect(createHash('sha256').update(await readFile(saved)).digest('hex')).toBe(sha256);

  // A page that skips the host gets nowhere: not through the host without its access, and not
  // at Janus itself (which wants the host's API secret).
  const skipped = await ada.evaluate(async ({ hostUrl, janusUrl }) => {
    const attempt = (url: string, message?: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url, 'janus-protocol');
        socket.onerror = () => resolve('refused');
        socket.onopen = () => (message ? socket.send(message) : resolve('opened'));
        socket.onmessage = ({ data }) => resolve(String(data));
      });
    return {
      forged: await attempt(`${hostUrl.replace('http', 'ws')}/janus?access=forged`),
      direct: await attempt(janusUrl, JSON.stringify({ janus: 'create', transaction: 'x' })),
    };
  }, { hostUrl: sfuServer.url, janusUrl: janus.url });
  expect(skipped.forged).toBe('refused');
  expect(JSON.parse(skipped.direct)).toMatchObject({ janus: 'error', error: { code: 403 } });

  // Alan leaves: his tile goes from every screen within two seconds.
  const alan = pages[3]!.page;
  await alan.getByRole('button', { name: 'Leave' }).click();
  const left = Date.now();
  for (const { page, name } of pages) if (name !== 'Alan') await expect(page.getByRole('figure', { name: 'Alan', exact: true })).toHaveCount(0, { timeout: 2000 });
  console.log(`[sfu] Alan's tile gone from every screen ${Date.now() - left} ms after he left`);

  // Ada, the organiser, removes Grace: Grace is told, and her tile goes from every screen within two seconds.
  await ada.getByRole('button', { name: 'Remove Grace from the room' }).click();
  const removed = Date.now();
  for (const { page, name } of pages) if (name !== 'Alan' && name !== 'Grace') await expect(page.getByRole('figure', { name: 'Grace', exact: true })).toHaveCount(0, { timeout: 2000 });
  console.log(`[sfu] Grace's tile gone from every screen ${Date.now() - removed} ms after Ada removed her`);
  await expect(pages[1]!.page.getByRole('alert')).toContainText('The host removed you from the room');
});

/** Keeps the page's WebSockets to the host's /janus, so a test can cut one as a network would. */
function keepJanusSockets(): void {
  const kept: WebSocket[] = [];
  (window as unknown as { __janusSockets: WebSocket[] }).__janusSockets = kept;
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      if (String(args[0]).includes('/janus')) kept.push(this);
    }
  };
}

/** Ada, Grace and Linus in one SFU room, each page keeping its sockets to Janus, each decoding the other two. */
async function threeInCall(browser: Browser, sfuServer: SignalingServer, participants: Participant[]): Promise<Participant[]> {
  const pages: Participant[] = [];
  for (const name of ['Ada', 'Grace', 'Linus']) {
    const participant = await openParticipant(browser, sfuServer, name, 'all-hands', async (context) => void (await context.addInitScript(keepJanusSockets)));
    participants.push(participant);
    pages.push(participant);
    await joinCall(participant);
  }
  for (const { page } of pages) await expect.poll(() => videosDecoding(page), { timeout: 30_000 }).toBe(2);
  return pages;
}

test('when a page loses its link to Janus, it makes a new one: the others see it again, and it sees them; a shared screen goes peer to peer', async ({ browser, sfuServer, participants }) => {
  test.setTimeout(90_000);
  const pages = await threeInCall(browser, sfuServer, participants);
  const ada = pages[0]!.page;
  await ada.evaluate(() => {
    for (const socket of (window as unknown as { __janusSockets: WebSocket[] }).__janusSockets) socket.close();
  });
  const cut = Date.now();
  // Her page opens a new link (her old connections to Janus closed with the old one)...
  await expect.poll(() => ada.evaluate(() => (window as unknown as { __janusSockets: WebSocket[] }).__janusSockets.length), { timeout: 5000 }).toBe(2);
  // ...her old publisher goes from Janus with the old link, and the others subscribe to her new one.
  for (const { page, name } of pages) await expect.poll(() => videosDecoding(page), { timeout: 15_000, message: `${name} decodes the others again` }).toBe(2);
  console.log(`[sfu] Ada's link to Janus cut: everyone decoding everyone again ${Date.now() - cut} ms later`);

  // A shared screen goes peer to peer, beside the cameras through Janus (docs/SFU.md says why).
  await ada.getByRole('button', { name: 'Share screen', pressed: false }).click();
  for (const { page, name } of pages.slice(1)) {
    const screen = page.getByRole('figure', { name: 'Ada’s screen' });
    await expect(screen, `${name} shows Ada's screen`).toBeVisible({ timeout: 15_000 });
    const playing = () => screen.locator('video').evaluate(async (video: HTMLVideoElement) => {
      const before = video.getVideoPlaybackQuality().totalVideoFrames;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { width: video.videoWidth, advancing: video.getVideoPlaybackQuality().totalVideoFrames > before };
    });
    await expect.poll(playing, { timeout: 15_000 }).toEqual({ width: expect.any(Number), advancing: true });
    expect((await playing()).width, `${name} gets the screen at its own size, not a camera's`).toBeGreaterThan(640);
    await expect.poll(() => videosDecoding(page), { timeout: 10_000, message: `${name} still decodes both cameras, and the screen` }).toBe(3);
  }
  await ada.getByRole('button', { name: 'Share screen', pressed: true }).click();
  for (const { page } of pages.slice(1)) await expect(page.getByRole('figure', { name: 'Ada’s screen' })).toHaveCount(0, { timeout: 5000 });
});

test('after ten seconds off the network, a page takes its place back: same tile, media through Janus and chat again', async ({ browser, sfuServer, participants }) => {
  test.setTimeout(90_000);
  const pages = await threeInCall(browser, sfuServer, participants);
  const [ada, grace] = pages as [Participant, Participant, Participant];
  // Grace's machine loses the network: her links to the host (signaling, and Janus through it)
  // drop, and nothing new connects. (Chromium's offline emulation refuses new connections but
  // leaves an open WebSocket be, so her link to Janus is cut as a network would.)
  await grace.context.setOffline(true);
  await grace.page.evaluate(() => {
    for (const socket of (window as unknown as { __janusSockets: WebSocket[] }).__janusSockets) socket.close();
  });
  await expect(grace.page.getByText('The connection to the host dropped')).toBeVisible({ timeout: 15_000 });
  // Her link to Janus went with it, and Janus ended that session: no video reaches her, and Ada gets only Linus.
  await expect.poll(() => videosDecoding(grace.page), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => videosDecoding(ada.page), { timeout: 10_000 }).toBe(1);
  const graceOnAdasScreen = ada.page.getByRole('figure', { name: 'Grace', exact: true });
  const graceId = await graceOnAdasScreen.getAttribute('data-peer-id');
  await grace.page.waitForTimeout(10_000);
  await grace.context.setOffline(false);
  const back = Date.now();
  // Within the grace period she resumes under her id: one Grace tile, never a second one.
  for (const { page, name } of pages) await expect.poll(() => videosDecoding(page), { timeout: 20_000, message: `${name} decodes the others again` }).toBe(2);
  console.log(`[sfu] Grace back on the network: everyone decoding everyone again ${Date.now() - back} ms later`);
  await expect(graceOnAdasScreen).toHaveCount(1);
  expect(await graceOnAdasScreen.getAttribute('data-peer-id'), 'Grace resumed under the same id').toBe(graceId);
  await expect(grace.page.getByText('The connection to the host dropped')).toHaveCount(0);
  // The peers' data channels came back too.
  await grace.page.getByRole('button', { name: /^Chat and files/ }).click();
  await grace.page.getByRole('textbox', { name: 'Message' }).fill('Back again');
  await grace.page.getByRole('button', { name: 'Send', exact: true }).click();
  await ada.page.getByRole('button', { name: /^Chat and files/ }).click();
  await expect(ada.page.getByRole('log', { name: 'Messages' }).getByText('Back again')).toBeVisible({ timeout: 10_000 });
});
