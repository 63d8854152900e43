import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenPicker, systemPicksScreenSource, type CapturerSource } from './screenPicker';
import { standIn } from './testing/electron';

afterEach(() => vi.useRealTimers());

// Electron's own display-media callback (the stand-in's keeps its contract: null refuses, an
// answer without video to a request for video throws).
await standIn.app.finishLaunching();
const session = standIn.session;
const source = (id: string, name: string): CapturerSource => standIn.capturerSource(id, name);
const SOURCES = [source('screen:0:0', 'Entire screen'), source('window:42:0', 'Notes')];
const APP = 'file:///app/out/renderer/index.html';

function picker(sources: CapturerSource[] | Error = SOURCES, options: { systemPicksSource?: boolean; osAllowsCapture?: () => boolean } = {}) {
  const notify = vi.fn();
  const onError = vi.fn();
  const getSources = vi.fn(async () => {
    if (sources instanceof Error) throw sources;
    return sources;
  });
  const created = new ScreenPicker({
    getSources,
    isAppUrl: (url) => url === APP,
    notify,
    onError,
    timeoutMs: 1000,
    ...options,
  });
  session.setDisplayMediaRequestHandler((request, callback) => void created.handleRequest(request as never, callback as never));
  return { picker: created, notify, onError, getSources };
}

/** The page calls getDisplayMedia({ video: true }); resolves with what Electron would do. */
const share = (frameUrl: string | null = APP) => session.requestDisplayMedia({ frameUrl, videoRequested: true });
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the display-media handler and the picker round trip', () => {
  it('lists sources reduced to id, name and thumbnail, and answers with the chosen one', async () => {
    const { picker: p, notify } = picker();
    const answer = share();
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(p.sources()).toEqual({
      ok: true,
      data: SOURCES.map(({ id, name, thumbnail }) => ({ id, name, thumbnail: thumbnail.toDataURL() })),
    });
    expect(p.choose('window:42:0')).toEqual({ ok: true, data: { shared: true } });
    expect(await answer).toEqual({ denied: false, video: SOURCES[1] });
    // Answered once: a second choice finds nothing waiting.
    expect(p.choose('screen:0:0')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses with null on cancel, never with an object Electron would throw on', async () => {
    const { picker: p, notify, onError } = picker();
    const answer = share();
    await vi.waitFor(() => expect(notify).toHaveBeenCalled());
    expect(p.choose(null)).toEqual({ ok: true, data: { shared: false } });
    expect(await answer).toEqual({ denied: true });
    expect(onError).not.toHaveBeenCalled();
  });

  it('keeps waiting after an id it did not offer, and refuses when nobody answers in time', async () => {
    vi.useFakeTimers();
    const { picker: p, notify, onError } = picker();
    const answer = share();
    await vi.waitFor(() => expect(notify).toHaveBeenCalled());
    expect(p.choose('screen:9:9')).toMatchObject({ ok: false });
    vi.advanceTimersByTime(1000);
    expect(await answer).toEqual({ denied: true });
    expect(onError).not.toHaveBeenCalled();
  });

  it('refuses any page but the app\'s own, a frame that has gone, and a machine with nothing to share', async () => {
    const { notify } = picker();
    expect(await share('https://evil.example/')).toEqual({ denied: true });
    expect(await share(null)).toEqual({ denied: true });
    expect(notify).not.toHaveBeenCalled();
    picker([]);
    expect(await share()).toEqual({ denied: true });
  });

  it('refuses, and reports why, when the sources cannot be listed (or the portal picker was dismissed)', async () => {
    const { onError } = picker(new Error('Failed to get sources.'));
    expect(await share()).toEqual({ denied: true });
    expect(onError).toHaveBeenCalledWith(new Error('Failed to get sources.'));
  });

  it('refuses at once, listing nothing, while the OS refuses screen recording (macOS)', async () => {
    const { notify, getSources } = picker(SOURCES, { osAllowsCapture: () => false });
    expect(await share()).toEqual({ denied: true });
    expect(notify).not.toHaveBeenCalled();
    expect(getSources).not.toHaveBeenCalled();
  });

  it('on Wayland takes the one source the system picker returned, without a second picker', async () => {
    const { notify } = picker([SOURCES[0]!], { systemPicksSource: true });
    expect(await share()).toEqual({ denied: false, video: SOURCES[0] });
    expect(notify).not.toHaveBeenCalled();
    // The portal's picker was cancelled: getSources gave nothing.
    picker([], { systemPicksSource: true });
    expect(await share()).toEqual({ denied: true });
    await settled();
  });

  it('reports an answer Electron throws on instead of letting it escape', async () => {
    const onError = vi.fn();
    const p = new ScreenPicker({ getSources: async () => SOURCES, isAppUrl: () => true, notify: () => undefined, onError });
    await p.handleRequest({ frame: { url: APP } }, () => {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    });
    expect(p.choose('screen:0:0')).toEqual({ ok: true, data: { shared: true } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('disposed') }));
  });
});

describe('which platforms pick the source themselves', () => {
  it.each([
    [{ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' }, ozonePlatform: '' }, true],
    [{ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland' }, ozonePlatform: 'x11' }, false],
    // Chromium's 'auto' goes by the session type; a Wayland display alone is not enough.
    [{ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, ozonePlatform: '' }, false],
    [{ platform: 'linux', env: { DISPLAY: ':0' }, ozonePlatform: '' }, false],
    [{ platform: 'linux', env: {}, ozonePlatform: 'wayland' }, true],
    [{ platform: 'darwin', env: {}, ozonePlatform: '' }, false],
    [{ platform: 'win32', env: { WAYLAND_DISPLAY: 'x' }, ozonePlatform: '' }, false],
  ] as const)('%j → %s', (situation, expected) => {
    expect(systemPicksScreenSource(situation as never)).toBe(expected);
  });
});
