import { describe, expect, it } from 'vitest';
import type { PeerStats } from './callStats';
import { connectionQuality } from './connectionQuality';

const sample = (change: Partial<PeerStats> = {}): PeerStats => ({
  peerId: 'ada', at: 0, bitrateInKbps: 800, bitrateOutKbps: 800, frameRate: 15, width: 640, height: 480, rttMs: 2, packetLossPercent: 0, jitterMs: 1,
  videoCodec: 'VP8', audioCodec: 'opus', localCandidate: 'host', remoteCandidate: 'host', videoCapKbps: 1200, availableOutgoingKbps: 3000, audioLevel: 0, freezeCount: 0, qualityLimitation: 'none', audioLossPercent: 0, ...change,
});

describe('the connection indicator', () => {
  it('is good on a clean link, and says nothing before two samples', () => {
    expect(connectionQuality([sample()])).toBeNull();
    expect(connectionQuality([sample(), sample()])).toEqual({ level: 'good', reason: null, figure: 0 });
  });

  it('reads poor with 10% loss, fair with 2%, and names why', () => {
    expect(connectionQuality([sample({ packetLossPercent: 9 }), sample({ packetLossPercent: 11 })])).toEqual({ level: 'poor', reason: 'loss', figure: 10 });
    expect(connectionQuality([sample({ packetLossPercent: 2 }), sample({ packetLossPercent: 2 })])).toMatchObject({ level: 'fair', reason: 'loss' });
    // Video repaired by retransmission, audio not: the audio's loss is the path's.
    expect(connectionQuality([sample({ audioLossPercent: 10 }), sample({ audioLossPercent: 10 })])).toMatchObject({ level: 'poor', reason: 'loss', figure: 10 });
  });

  it('counts the round trip, freezes and what limits our camera', () => {
    expect(connectionQuality([sample({ rttMs: 450 }), sample({ rttMs: 450 })])).toMatchObject({ level: 'poor', reason: 'delay' });
    expect(connectionQuality([sample({ freezeCount: 3 }), sample({ freezeCount: 5 })])).toMatchObject({ level: 'poor', reason: 'freezes', figure: 2 });
    expect(connectionQuality([sample(), sample({ qualityLimitation: 'cpu' })])).toMatchObject({ level: 'fair', reason: 'cpu' });
  });

  it('blames the link for a bitrate-limited camera only when its estimate is below our own cap', () => {
    // Our thumbnail cap (150 kbit/s) limits the encoder on a 3 Mbit/s link: nothing wrong.
    expect(connectionQuality([sample(), sample({ qualityLimitation: 'bandwidth', videoCapKbps: 150 })])).toMatchObject({ level: 'good' });
    // The link estimates 400 kbit/s where we allow 1200: it is the link.
    expect(connectionQuality([sample(), sample({ qualityLimitation: 'bandwidth', availableOutgoingKbps: 400 })])).toMatchObject({ level: 'fair', reason: 'bandwidth' });
  });
});
