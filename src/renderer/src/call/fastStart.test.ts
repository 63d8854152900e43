import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAST_START_MS } from './bandwidth';
import { FastStart } from './fastStart';

afterEach(() => vi.useRealTimers());

describe("a connection's fast start", () => {
  it('is small from the start and full FAST_START_MS after connecting, once', () => {
    vi.useFakeTimers();
    const changes: boolean[] = [];
    const start = new FastStart((starting) => changes.push(starting));
    expect(start.active).toBe(true);
    start.connected();
    start.connected(); // a second `connected` does not push the end further
    vi.advanceTimersByTime(FAST_START_MS - 1);
    expect(start.active).toBe(true);
    vi.advanceTimersByTime(1);
    expect(start.active).toBe(false);
    expect(changes).toEqual([false]);
  });

  it('starts small again when the path moves, and goes full again after the same delay', () => {
    vi.useFakeTimers();
    const changes: boolean[] = [];
    const start = new FastStart((starting) => changes.push(starting));
    start.connected();
    vi.advanceTimersByTime(FAST_START_MS);
    start.again();
    expect(start.active).toBe(true);
    start.again(); // already small: nothing more
    vi.advanceTimersByTime(FAST_START_MS);
    expect(start.active).toBe(false);
    expect(changes).toEqual([false, true, false]);
  });

  it('changes nothing after it is stopped (the connection closed)', () => {
    vi.useFakeTimers();
    const changes: boolean[] = [];
    const start = new FastStart((starting) => changes.push(starting));
    start.connected();
    start.stop();
    vi.advanceTimersByTime(FAST_START_MS * 2);
    expect(changes).toEqual([]);
  });
});
