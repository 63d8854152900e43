import { useCallback, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import { captureFrame, timestampedName } from '../../call/capture';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import type { RemotePeer } from '../../store/callSlice';
import type { PathProblem } from '../../call/pathWatch';
import { CollaborationPanel } from '../collab/CollaborationPanel';
import { DeviceSettings } from '../media/DeviceSettings';
import { AppearanceSettings } from '../settings/AppearanceSettings';
import { DesktopSettings } from '../settings/DesktopSettings';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { useCallShortcuts } from '../shortcuts/useCallShortcuts';
import { TalkingWhileMuted } from '../media/TalkingWhileMuted';
import { CallAttention } from './CallAttention';
import { routesThroughGraph } from '../../call/remoteAudio';
import { listeningTo } from '../../store/listeningSlice';
import { MiniWindow } from './MiniWindow';
import { MediaNotices } from '../media/MediaNotices';
import { CallControls } from './CallControls';
import { HostPanel } from './HostPanel';
import { PeoplePanel } from './PeoplePanel';
import { SidePanel } from './SidePanel';
import { StatsPanel } from './StatsPanel';
import { useSaveFile } from './useSaveFile';
import { connectionQuality } from '../../call/connectionQuality';
import { VideoTile } from './VideoTile';
import { useFocusOnArrival } from '../ui/useFocusOnArrival';

/** Shown over a tile until its connection is up; nothing once connected. */
const CONNECTION_TEXT: Partial<Record<RTCPeerConnectionState, MessageKey>> = {
  new: 'call.connection.connecting',
  connecting: 'call.connection.connecting',
  disconnected: 'call.connection.reconnecting',
  failed: 'call.connection.failed',
};

/** Why the connection does not come up, when it is for want of a network path (call/pathWatch.ts). */
const PATH_TEXT: Record<PathProblem, MessageKey> = {
  'no-relay-configured': 'call.path.noRelayConfigured',
  'relay-unreachable': 'call.path.relayUnreachable',
  'relay-failed': 'call.path.relayFailed',
};

export function CallScreen() {
  const t = useText();
  const peers = useParley(useShallow((state) => Object.values(state.peers)));
  const s = useParley(
    useShallow((state) => ({
      room: state.joinedRoom,
      displayName: state.displayName,
      previewStream: state.previewStream,
      muted: state.muted,
      cameraOff: state.cameraOff,
      speakerId: state.speakerId,
      hosting: state.hosting,
      showNotice: state.showNotice,
      signaling: state.signaling,
      isHost: state.isHost,
      removePeer: state.removePeer,
      sidePanel: state.sidePanel,
      closeSidePanel: state.closeSidePanel,
      layout: state.layout,
      pinned: state.pinned,
      setPinned: state.setPinned,
      activeSpeaker: state.activeSpeaker,
      sharing: state.screenTrack !== null,
      hands: state.hands,
      reactions: state.reactions,
      peerStats: state.peerStats,
      listening: state.listening,
    })),
  );
  const handOf = (id: string): number | undefined => (s.hands.includes(id) ? s.hands.indexOf(id) + 1 : undefined);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  useCallShortcuts({ onHelp: showShortcuts });
  const base = useId();
  const title = useFocusOnArrival<HTMLHeadingElement>();
  const panelIds = { chat: `${base}-chat`, people: `${base}-people`, stats: `${base}-stats`, settings: `${base}-settings` } as const;
  // A shared screen is shown large, with the sharer's camera beside it among the others.
  const screens = peers.filter((peer) => peer.screen && peer.mediaState?.screenSharing);
  const speakerLayout = s.layout === 'speaker' || screens.length > 0;
  // Speaker view: the pinned participant, else whoever speaks, else the first to arrive.
  const featured = s.layout === 'speaker' && screens.length === 0 ? (s.pinned ?? s.activeSpeaker ?? peers[0]?.id ?? null) : null;
  const ordered = featured ? [...peers].sort((a, b) => Number(b.id === featured) - Number(a.id === featured)) : peers;
  const save = useSaveFile();
  const count = peers.length + 1;
  const connectionText = (peer: RemotePeer): string | null => {
    if (peer.pathProblem) return t(PATH_TEXT[peer.pathProblem], { name: peer.name });
    const key = CONNECTION_TEXT[peer.connection];
    return key ? t(key) : null;
  };

  const snapshot = (name: string) => async (video: HTMLVideoElement) => {
    try {
      await save(timestampedName(t('call.tile.snapshotFile', { name }), 'png'), await captureFrame(video));
    } catch (error) {
      s.showNotice('notices.snapshotFailed', { detail: (error as Error).message });
    }
  };

  return (
    <main className={`call${s.sidePanel ? ' call--panel' : ''}`}>
      <header className="call__bar">
        <h1 className="call__title" ref={title} tabIndex={-1}>
          {s.room} <span className="call__count">{t('call.title.count', { count })}</span>
        </h1>
      </header>
      {s.sharing && (
        <p className="banner banner--info" role="status">
          {t('call.sharingBanner')}
        </p>
      )}
      {s.signaling === 'reconnecting' && (
        <p className="banner" role="status">
          {t('call.reconnectingBanner')}
        </p>
      )}
      {s.hosting && s.room && <HostPanel hosting={s.hosting} room={s.room} />}
      <MediaNotices />
      <TalkingWhileMuted />
      <div className="call__body">
        <section className={`grid${speakerLayout ? ' grid--speaker' : ''}`} aria-label={t('call.participants')} data-count={count}>
          {screens.map((peer) => (
            <VideoTile key={`screen-${peer.id}`} stream={peer.screen} name={t('call.tile.screenOf', { name: peer.name })} featured sinkId={s.speakerId} />
          ))}
          <VideoTile stream={s.previewStream} name={s.displayName} isSelf audioMuted={s.muted} videoOff={s.cameraOff} onSnapshot={snapshot(s.displayName)} handPosition={handOf('self')} reaction={s.reactions['self']?.emoji} />
          {ordered.map((peer) => (
            <VideoTile
              key={peer.id}
              peerId={peer.id}
              stream={peer.stream}
              name={peer.name}
              status={connectionText(peer)}
              audioMuted={peer.mediaState?.audioMuted ?? false}
              videoOff={peer.mediaState?.videoOff ?? false}
              sinkId={s.speakerId}
              onSnapshot={snapshot(peer.name)}
              onRemove={s.isHost ? () => void s.removePeer(peer.id) : undefined}
              speaking={s.activeSpeaker === peer.id}
              featured={featured === peer.id}
              thumbnail={speakerLayout && featured !== peer.id}
              handPosition={handOf(peer.id)}
              connection={connectionQuality(s.peerStats[peer.id] ?? [])}
              reaction={s.reactions[peer.id]?.emoji}
              listening={listeningTo(s, peer.id)}
              playsOwnAudio={!routesThroughGraph(s.speakerId)}
              pinned={s.pinned === peer.id}
              onTogglePin={() => s.setPinned(s.pinned === peer.id ? null : peer.id)}
            />
          ))}
        </section>
        {s.sidePanel === 'chat' && (
          <SidePanel id={panelIds.chat} title={t('collab.panel.label')} onClose={s.closeSidePanel}>
            <CollaborationPanel />
          </SidePanel>
        )}
        {s.sidePanel === 'people' && (
          <SidePanel id={panelIds.people} title={t('call.people.title')} onClose={s.closeSidePanel}>
            <PeoplePanel />
          </SidePanel>
        )}
        {s.sidePanel === 'stats' && (
          <SidePanel id={panelIds.stats} title={t('call.stats.label')} onClose={s.closeSidePanel}>
            <StatsPanel />
          </SidePanel>
        )}
        {s.sidePanel === 'settings' && (
          <SidePanel id={panelIds.settings} title={t('call.settingsPanel')} onClose={s.closeSidePanel}>
            <DeviceSettings />
            <AppearanceSettings />
            <DesktopSettings />
          </SidePanel>
        )}
      </div>
      {peers.length === 0 && <p className="call__alone">{t('call.waiting')}</p>}
      <CallControls panelIds={panelIds} onShowShortcuts={showShortcuts} />
      <ShortcutsDialog isOpen={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <CallAttention />
      <MiniWindow />
    </main>
  );
}
