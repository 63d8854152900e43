import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PeerStats } from '../../call/callStats';
import { PROTOCOL_VERSION } from '../../../../shared/protocol';
import { useParley } from '../../store';

/** A small line chart of one series (the last half minute), drawn as SVG: no chart library needed. */
function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 120;
  const height = 28;
  const max = Math.max(1, ...values);
  const points = values.map((value, i) => `${(i / Math.max(1, values.length - 1)) * width},${height - (value / max) * (height - 2) - 1}`).join(' ');
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

const dash = (value: number | null | string, unit = ''): string => (value === null || value === '' ? '—' : `${value}${unit}`);

/** Per-peer statistics for people who would otherwise open chrome://webrtc-internals. */
export function StatsPanel({ id }: { id: string }) {
  const s = useParley(useShallow((state) => ({ peerStats: state.peerStats, peers: state.peers, room: state.joinedRoom })));
  const [copied, setCopied] = useState<string>('');
  const rows = Object.entries(s.peerStats).filter(([peerId]) => s.peers[peerId]);

  const copyDiagnostics = async (): Promise<void> => {
    // No secrets: no host key, passcode or addresses beyond candidate types.
    const diagnostics = {
      app: 'Parley',
      protocolVersion: PROTOCOL_VERSION,
      userAgent: navigator.userAgent,
      room: s.room,
      at: new Date().toISOString(),
      peers: rows.map(([peerId, history]) => ({ name: s.peers[peerId]?.name, connection: s.peers[peerId]?.connection, latest: history.at(-1), history })),
    };
    try {
      await navigator.clipboard.writeText(JSON.stringify(diagnostics, null, 2));
      setCopied('Diagnostics copied.');
    } catch {
      setCopied('Could not copy to the clipboard.');
    }
  };

  return (
    <aside id={id} className="stats" aria-label="Call statistics">
      <table className="stats__table">
        <caption>Per participant, updated every second</caption>
        <thead>
          <tr>
            <th scope="col">Participant</th>
            <th scope="col">In / out</th>
            <th scope="col">Video</th>
            <th scope="col">Round trip</th>
            <th scope="col">Loss / jitter</th>
            <th scope="col">Codecs</th>
            <th scope="col">Path</th>
            <th scope="col">Send cap</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([peerId, history]) => {
            const latest = history.at(-1) as PeerStats;
            const name = s.peers[peerId]?.name ?? peerId;
            return (
              <tr key={peerId} data-peer-id={peerId}>
                <th scope="row">{name}</th>
                <td>
                  <span data-stat="bitrate-in">{latest.bitrateInKbps}</span> / <span data-stat="bitrate-out">{latest.bitrateOutKbps}</span> kbit/s
                  <Sparkline values={history.map((h) => h.bitrateInKbps)} label={`Bitrate from ${name}, last ${history.length} seconds`} />
                </td>
                <td>
                  <span data-stat="resolution">{latest.width > 0 ? `${latest.width}×${latest.height}` : '—'}</span> @{' '}
                  <span data-stat="frame-rate">{latest.frameRate}</span> fps
                </td>
                <td data-stat="rtt">{dash(latest.rttMs, ' ms')}</td>
                <td>
                  <span data-stat="loss">{latest.packetLossPercent}</span>% / <span data-stat="jitter">{latest.jitterMs}</span> ms
                </td>
                <td data-stat="codecs">
                  {dash(latest.videoCodec)}, {dash(latest.audioCodec)}
                </td>
                <td data-stat="path">
                  {latest.localCandidate} → {latest.remoteCandidate}
                </td>
                <td data-stat="cap">{dash(latest.videoCapKbps, ' kbit/s')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="home__hint">Statistics appear once someone is connected.</p>}
      <button type="button" className="button button--small" onClick={() => void copyDiagnostics()}>
        Copy diagnostics
      </button>
      <span role="status" className="home__hint">
        {copied}
      </span>
    </aside>
  );
}
