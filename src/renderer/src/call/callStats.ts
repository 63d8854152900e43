/**
 * What users would otherwise open chrome://webrtc-internals for, per peer: bitrates in and out,
 * frame rate, resolution, round-trip time, packet loss, jitter, codec, the candidate pair in use,
 * the send cap, and how loud the peer is (for active-speaker detection). Rates come from the
 * difference between two `getStats()` samples.
 */

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay' | 'unknown';

export interface PeerStats {
  peerId: string;
  at: number;
  bitrateInKbps: number;
  bitrateOutKbps: number;
  frameRate: number;
  width: number;
  height: number;
  rttMs: number | null;
  packetLossPercent: number;
  jitterMs: number;
  videoCodec: string;
  audioCodec: string;
  localCandidate: CandidateType;
  remoteCandidate: CandidateType;
  /** The send cap on our camera to this peer, in kbit/s; null when none is set. */
  videoCapKbps: number | null;
  /** What the connection's bandwidth estimate lets us send to this peer, in kbit/s; null before it has one. */
  availableOutgoingKbps: number | null;
  /** RMS of the peer's audio over the last interval, 0..1. */
  audioLevel: number;
  /** Times the peer's video froze so far (cumulative, from the receiver's stats). */
  freezeCount: number;
  /** What limits our camera to this peer: 'none', 'cpu', 'bandwidth' or 'other'. */
  qualityLimitation: string;
  /**
   * Loss on the peer's audio alone, in %: video's losses are mostly repaired by retransmission
   * before they count, so they hide how lossy the path is; audio is not retransmitted.
   */
  audioLossPercent: number;
}

type Report = Record<string, unknown>;

/**
 * What a sample reads: a peer connection, or in SFU mode one participant's share of the two
 * connections to the media server (sfu/sfuStats.ts).
 */
export type StatsSource = Pick<RTCPeerConnection, 'getStats' | 'getTransceivers'>;

interface Totals {
  at: number;
  bytesIn: number;
  bytesOut: number;
  packetsReceived: number;
  packetsLost: number;
  audioEnergy: number;
  audioDuration: number;
  audioReceived: number;
  audioLost: number;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export class StatsSampler {
  private readonly previous = new Map<string, Totals>();

  /** One sample per peer connection; the first sample of a peer has zero rates. */
  async sample(connections: Map<string, StatsSource>): Promise<PeerStats[]> {
    const results = await Promise.all(
      [...connections].map(async ([peerId, pc]) => {
        const reports: Report[] = [];
        (await pc.getStats()).forEach((report: Report) => reports.push(report));
        // The camera's sender is the first video transceiver's (a shared screen comes later).
        const camera = pc.getTransceivers().find((transceiver) => transceiver.receiver.track.kind === 'video')?.sender;
        const videoCap = camera?.getParameters().encodings?.[0]?.maxBitrate;
        return this.summarise(peerId, reports, videoCap);
      }),
    );
    for (const peerId of [...this.previous.keys()]) if (!connections.has(peerId)) this.previous.delete(peerId);
    return results;
  }

  private summarise(peerId: string, reports: Report[], videoCap: number | undefined): PeerStats {
    const byId = new Map(reports.map((report) => [String(report['id']), report]));
    const of = (type: string) => reports.filter((report) => report['type'] === type);
    const inbound = of('inbound-rtp');
    const outbound = of('outbound-rtp');
    const inboundVideo = inbound.find((r) => r['kind'] === 'video' && num(r['framesDecoded']) > 0) ?? inbound.find((r) => r['kind'] === 'video');
    const inboundAudio = inbound.find((r) => r['kind'] === 'audio');
    const outboundVideo = outbound.find((r) => r['kind'] === 'video' && r['active'] !== false);
    const pairs = of('candidate-pair');
    const pair = pairs.find((r) => r['nominated'] && r['state'] === 'succeeded') ?? pairs.find((r) => r['state'] === 'succeeded');
    const codecOf = (report: Report | undefined): string => String(byId.get(String(report?.['codecId']))?.['mimeType'] ?? '').replace(/^(video|audio)\//, '');
    const candidateType = (id: unknown): CandidateType => {
      const type = byId.get(String(id))?.['candidateType'];
      return type === 'host' || type === 'srflx' || type === 'prflx' || type === 'relay' ? type : 'unknown';
    };

    const totals: Totals = {
      at: performance.now(),
      bytesIn: inbound.reduce((sum, r) => sum + num(r['bytesReceived']), 0),
      bytesOut: outbound.reduce((sum, r) => sum + num(r['bytesSent']), 0),
      packetsReceived: inbound.reduce((sum, r) => sum + num(r['packetsReceived']), 0),
      packetsLost: inbound.reduce((sum, r) => sum + Math.max(0, num(r['packetsLost'])), 0),
      audioEnergy: num(inboundAudio?.['totalAudioEnergy']),
      audioDuration: num(inboundAudio?.['totalSamplesDuration']),
      audioReceived: num(inboundAudio?.['packetsReceived']),
      audioLost: Math.max(0, num(inboundAudio?.['packetsLost'])),
    };
    const before = this.previous.get(peerId);
    this.previous.set(peerId, totals);
    const seconds = before ? (totals.at - before.at) / 1000 : 0;
    const rate = (now: number, then: number | undefined): number => (before && seconds > 0 ? ((now - (then ?? now)) * 8) / seconds / 1000 : 0);
    const received = before ? totals.packetsReceived - before.packetsReceived : totals.packetsReceived;
    const lost = before ? totals.packetsLost - before.packetsLost : totals.packetsLost;
    const audioReceived = before ? totals.audioReceived - before.audioReceived : totals.audioReceived;
    const audioLost = before ? totals.audioLost - before.audioLost : totals.audioLost;
    const energy = before ? totals.audioEnergy - before.audioEnergy : 0;
    const duration = before ? totals.audioDuration - before.audioDuration : 0;

    return {
      peerId,
      at: Date.now(),
      bitrateInKbps: Math.round(rate(totals.bytesIn, before?.bytesIn)),
      bitrateOutKbps: Math.round(rate(totals.bytesOut, before?.bytesOut)),
      frameRate: Math.round(num(inboundVideo?.['framesPerSecond'])),
      width: num(inboundVideo?.['frameWidth']),
      height: num(inboundVideo?.['frameHeight']),
      rttMs: pair && typeof pair['currentRoundTripTime'] === 'number' ? Math.round(pair['currentRoundTripTime'] * 1000) : null,
      packetLossPercent: received + lost > 0 ? Math.round((lost / (received + lost)) * 1000) / 10 : 0,
      jitterMs: Math.round(num(inboundAudio?.['jitter']) * 1000),
      videoCodec: codecOf(inboundVideo),
      audioCodec: codecOf(inboundAudio),
      localCandidate: candidateType(pair?.['localCandidateId']),
      remoteCandidate: candidateType(pair?.['remoteCandidateId']),
      videoCapKbps: videoCap ? Math.round(videoCap / 1000) : null,
      availableOutgoingKbps: pair && typeof pair['availableOutgoingBitrate'] === 'number' ? Math.round(pair['availableOutgoingBitrate'] / 1000) : null,
      audioLevel: duration > 0 ? Math.sqrt(Math.max(0, energy) / duration) : 0,
      freezeCount: num(inboundVideo?.['freezeCount']),
      qualityLimitation: String(outboundVideo?.['qualityLimitationReason'] ?? 'none'),
      audioLossPercent: audioReceived + audioLost > 0 ? Math.round((audioLost / (audioReceived + audioLost)) * 1000) / 10 : 0,
    };
  }
}
