/**
 * Statistics per participant in SFU mode. Everyone's streams arrive on one connection from Janus
 * and ours leave on another, so what the statistics panel, the connection indicator and the
 * active speaker read for one participant is a view of both: that participant's inbound streams
 * (by mid) and the receiving connection's transport and candidates, plus what we send.
 */
import type { StatsSource } from '../callStats';

type Report = Record<string, unknown>;

export function sfuStatsSource(receiving: RTCPeerConnection | undefined, sending: RTCPeerConnection | undefined, mids: ReadonlySet<string>): StatsSource {
  return {
    getTransceivers: () => sending?.getTransceivers() ?? [],
    getStats: async () => {
      const kept = new Map<string, Report>();
      (await receiving?.getStats())?.forEach((report: Report) => {
        const rtp = report['type'] === 'inbound-rtp' || report['type'] === 'outbound-rtp';
        if (!rtp || (report['type'] === 'inbound-rtp' && mids.has(String(report['mid'])))) kept.set(String(report['id']), report);
      });
      // Only our outbound streams from the other connection: its transport, codec and candidate
      // reports would share ids with the receiving connection's.
      (await sending?.getStats())?.forEach((report: Report) => {
        if (report['type'] === 'outbound-rtp') kept.set(`sending:${String(report['id'])}`, report);
      });
      return kept as unknown as RTCStatsReport;
    },
  };
}
