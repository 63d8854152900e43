import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenPicker, type CapturerSource } from './screenPicker';

vi.mock('electron', () => ({}));
afterEach(() => vi.useRealTimers());

const source = (id: string, name: string): CapturerSource => ({ id, name, thumbnail: { toDataURL: () => `data:image/png;base64,${id}` } });
const SOURCES = [source('screen:0:0', 'Entire screen'), source('window:42:0', 'Notes')];
const APP = 'file:///app/out/renderer/index.html';

function picker(sources = SOURCES) {
  const notify = vi.fn();
  const created = new ScreenPicker({ getSources: async () => sources, isAppUrl: (url) => url === APP, notify, timeoutMs: 1000 });
  return { picker: created, notify };
}

describe('the display-media handler and the picker round trip', () => {
  it('lists sources reduced to id, name and thumbnail, and answers with the chosen one', async () => {
    const { picker: p, notify } = picker();
    const callback = vi.fn();
    await p.handleRequest({ frame: { url: APP } }, callback);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(p.sources()).toEqual({
      ok: true,
      data: [
        { id: 'screen:0:0', name: 'Entire screen', thumbnail: 'data:image/png;base64,screen:0:0' },
        { id: 'window:42:0', name: 'Notes', thumbnail: 'data:image/png;base64,window:42:0' },
      ],
    });
    expect(p.choose('window:42:0')).toEqual({ ok: true, data: { shared: true } });
    expect(callback).toHaveBeenCalledWith({ video: SOURCES[1] });
    // Answered once: a second choice finds nothing waiting.
    expect(p.choose('screen:0:0')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('denies on cancel, on an id it did not offer, and when nobody answers in time', async () => {
    vi.useFakeTimers();
    const { picker: p } = picker();
    const cancelled = vi.fn();
    await p.handleRequest({ frame: { url: APP } }, cancelled);
    expect(p.choose(null)).toEqual({ ok: true, data: { shared: false } });
    expect(cancelled).toHaveBeenCalledWith({});

    const forged = vi.fn();
    await p.handleRequest({ frame: { url: APP } }, forged);
    expect(p.choose('screen:9:9')).toMatchObject({ ok: false });
    expect(forged).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1000);
    expect(forged).toHaveBeenCalledWith({});
  });

  it('denies any page but the app\'s own, and a machine with nothing to share', async () => {
    const { picker: p, notify } = picker();
    const foreign = vi.fn();
    await p.handleRequest({ frame: { url: 'https://evil.example/' } }, foreign);
    expect(foreign).toHaveBeenCalledWith({});
    expect(notify).not.toHaveBeenCalled();

    const empty = picker([]);
    const nothing = vi.fn();
    await empty.picker.handleRequest({ frame: { url: APP } }, nothing);
    expect(nothing).toHaveBeenCalledWith({});
  });
});
