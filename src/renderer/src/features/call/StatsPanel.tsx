import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PeerStats } from '../../call/callStats';
import { PROTOCOL_VERSION } from '../../../../shared/protocol';
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import { useRichText, useText } from '../../i18n/useText';
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

/** Shown where a figure is not known (yet): a sign, not a word. */
const NONE = '—';

/**
 * Figures go into messages as text: written as the browser reports them (no digit grouping), as
 * people compare them with chrome://webrtc-internals and tests read them back as numbers.
 */
const figure = (value: number | string): string => String(value);

/** Per-peer statistics for people who would otherwise open chrome://webrtc-internals. */
export function StatsPanel() {
  const t = useText();
  const rich = useRichText();
  const s = useParley(useShallow((state) => ({ peerStats: state.peerStats, peers: state.peers, room: state.joinedRoom })));
  const [copied, setCopied] = useState<MessageKey | null>(null);
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
      setCopied('call.stats.copied');
    } catch {
      setCopied('call.stats.copyFailed');
    }
  };

  return (
    <div className="stats">
      <table className="stats__table">
        <caption>{t('call.stats.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('call.stats.participant')}</th>
            <th scope="col">{t('call.stats.inOut')}</th>
            <th scope="col">{t('call.stats.video')}</th>
            <th scope="col">{t('call.stats.roundTrip')}</th>
            <th scope="col">{t('call.stats.lossJitter')}</th>
            <th scope="col">{t('call.stats.codecs')}</th>
            <th scope="col">{t('call.stats.path')}</th>
            <th scope="col">{t('call.stats.sendCap')}</th>
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
                  {rich('call.stats.bitrate', {
                    bitrateIn: figure(latest.bitrateInKbps),
                    bitrateOut: figure(latest.bitrateOutKbps),
                    inbound: (chunks) => <span data-stat="bitrate-in">{chunks}</span>,
                    outbound: (chunks) => <span data-stat="bitrate-out">{chunks}</span>,
                  })}
                  <Sparkline values={history.map((h) => h.bitrateInKbps)} label={t('call.stats.bitrateChart', { name, seconds: history.length })} />
                </td>
                <td>
                  {rich('call.stats.frames', {
                    resolution: latest.width > 0 ? `${latest.width}×${latest.height}` : NONE,
                    frameRate: figure(latest.frameRate),
                    size: (chunks) => <span data-stat="resolution">{chunks}</span>,
                    rate: (chunks) => <span data-stat="frame-rate">{chunks}</span>,
                  })}
                </td>
                <td data-stat="rtt">{latest.rttMs === null ? NONE : t('call.stats.milliseconds', { value: figure(latest.rttMs) })}</td>
                <td>
                  {rich('call.stats.lossAndJitter', {
                    lossPercent: figure(latest.packetLossPercent),
                    jitterMs: figure(latest.jitterMs),
                    loss: (chunks) => <span data-stat="loss">{chunks}</span>,
                    jitter: (chunks) => <span data-stat="jitter">{chunks}</span>,
                  })}
                </td>
                <td data-stat="codecs">{t('call.stats.codecPair', { video: latest.videoCodec || NONE, audio: latest.audioCodec || NONE })}</td>
                <td data-stat="path">{t('call.stats.route', { local: latest.localCandidate, remote: latest.remoteCandidate })}</td>
                <td data-stat="cap">{latest.videoCapKbps === null ? NONE : t('call.stats.kilobitsPerSecond', { value: figure(latest.videoCapKbps) })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="home__hint">{t('call.stats.empty')}</p>}
      <button type="button" className="button button--small" onClick={() => void copyDiagnostics()}>
        {t('call.stats.copyDiagnostics')}
      </button>
      <span role="status" className="home__hint">
        {copied && t(copied)}
      </span>
    </div>
  );
}
