import { describe, expect, it } from 'vitest';
import { sfuStatsSource } from './sfuStats';

/** A connection whose getStats answers these reports. */
const connection = (reports: Record<string, unknown>[]) =>
  ({ getStats: async () => new Map(reports.map((report) => [report['id'], report])), getTransceivers: () => [{ mid: '0' }] }) as unknown as RTCPeerConnection;

describe('statistics per participant in SFU mode', () => {
  it('keep that participant\'s inbound streams, the receiving transport, and what we send; not the others\' streams', async () => {
    const receiving = connection([
      { id: 'IT1', type: 'inbound-rtp', mid: '1', kind: 'video' },
      { id: 'IT2', type: 'inbound-rtp', mid: '2', kind: 'audio' },
      { id: 'IT3', type: 'inbound-rtp', mid: '3', kind: 'video' },
      { id: 'CP1', type: 'candidate-pair', state: 'succeeded' },
      { id: 'T01', type: 'transport' },
    ]);
    const sending = connection([
      { id: 'OT1', type: 'outbound-rtp', kind: 'video' },
      { id: 'T01', type: 'transport', note: 'the sending one, same id' },
    ]);
    const source = sfuStatsSource(receiving, sending, new Set(['1', '2']));
    const ids: string[] = [];
    (await source.getStats()).forEach((report: Record<string, unknown>) => ids.push(`${String(report['id'])}:${String(report['type'])}${report['note'] ? ' (sending)' : ''}`));
    expect(ids.sort()).toEqual(['CP1:candidate-pair', 'IT1:inbound-rtp', 'IT2:inbound-rtp', 'OT1:outbound-rtp', 'T01:transport']);
    expect(source.getTransceivers()).toHaveLength(1);
  });
});
