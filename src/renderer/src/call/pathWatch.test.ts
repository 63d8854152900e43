import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diagnose, NO_PATH_AFTER_MS, watchPath, type PathProblem } from './pathWatch';

describe('why there is no path', () => {
  it('blames the missing relay, the relay, or nothing once a pair worked', () => {
    expect(diagnose({ local: new Set(['host']), anySucceeded: false }, false)).toBe('no-relay-configured');
    expect(diagnose({ local: new Set(['host', 'srflx']), anySucceeded: false }, true)).toBe('relay-unreachable');
    expect(diagnose({ local: new Set(['host', 'relay']), anySucceeded: false }, true)).toBe('relay-failed');
    expect(diagnose({ local: new Set(['host']), anySucceeded: true }, false)).toBeNull();
  });
});

/** Just what watchPath reads of a peer connection: its states, its events, its statistics. */
class StandInConnection extends EventTarget {
  connectionState: RTCPeerConnectionState = 'new';
  remoteDescription: object | null = null;
  stats: Record<string, unknown>[] = [{ type: 'local-candidate', candidateType: 'host' }, { type: 'candidate-pair', state: 'failed' }];
  async getStats(): Promise<Map<string, Record<string, unknown>>> {
    return new Map(this.stats.map((report, index) => [String(index), report]));
  }
  become(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }
  negotiated(): void {
    this.remoteDescription = {};
    this.dispatchEvent(new Event('signalingstatechange'));
  }
}

describe('watching a connection for a path', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says so when a negotiated connection is not up in time, and takes it back once connected', async () => {
    const pc = new StandInConnection();
    const reports: (PathProblem | null)[] = [];
    watchPath(pc as unknown as RTCPeerConnection, false, (problem) => reports.push(problem));
    await vi.advanceTimersByTimeAsync(NO_PATH_AFTER_MS * 2);
    expect(reports).toEqual([]); // not negotiated yet: too early to say anything
    pc.negotiated();
    pc.become('connecting');
    await vi.advanceTimersByTimeAsync(NO_PATH_AFTER_MS - 100);
    expect(reports).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(reports).toEqual(['no-relay-configured']);
    pc.become('connected');
    expect(reports).toEqual(['no-relay-configured', null]);
  });

  it('stays quiet when a connection that was up drops (an outage, not a missing path)', async () => {
    const pc = new StandInConnection();
    const reports: (PathProblem | null)[] = [];
    watchPath(pc as unknown as RTCPeerConnection, true, (problem) => reports.push(problem));
    pc.negotiated();
    pc.become('connected');
    pc.become('disconnected');
    await vi.advanceTimersByTimeAsync(NO_PATH_AFTER_MS * 3);
    expect(reports).toEqual([]);
  });

  it('stops watching when told to', async () => {
    const pc = new StandInConnection();
    const reports: (PathProblem | null)[] = [];
    const stop = watchPath(pc as unknown as RTCPeerConnection, true, (problem) => reports.push(problem));
    pc.negotiated();
    stop();
    await vi.advanceTimersByTimeAsync(NO_PATH_AFTER_MS * 2);
    expect(reports).toEqual([]);
  });
});
