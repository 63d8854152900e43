import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { CollaborationPanel } from '../collab/CollaborationPanel';
import { DeviceSettings } from '../media/DeviceSettings';
import { AppearanceSettings } from '../settings/AppearanceSettings';
import { DesktopSettings } from '../settings/DesktopSettings';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { useCallShortcuts } from '../shortcuts/useCallShortcuts';
import { TalkingWhileMuted } from '../media/TalkingWhileMuted';
import { CallAttention } from './CallAttention';
import { MiniWindow } from './MiniWindow';
import { MediaNotices } from '../media/MediaNotices';
import { CallControls } from './CallControls';
import { HostPanel } from './HostPanel';
import { PeoplePanel } from './PeoplePanel';
import { SidePanel } from './SidePanel';
import { StatsPanel } from './StatsPanel';
import { PeerTile } from './PeerTile';
import { useSnapshot } from './useSnapshot';
import { TileActions, TileBadges } from './TileExtras';
import { VideoTile } from './VideoTile';
import { useFocusOnArrival } from '../ui/useFocusOnArrival';

export function CallScreen() {
  const t = useText();
  // Deferred: a newcomer's tile (and each change to a tile) is drawn in slices that let the page
  // answer the newcomer's offer and handle its connection first (docs/PERFORMANCE.md, "Joining").
  const peers = useDeferredValue(useParley(useShallow((state) => Object.values(state.peers))));
  const s = useParley(
    useShallow((state) => ({
      room: state.joinedRoom,
      displayName: state.displayName,
      previewStream: state.previewStream,
      muted: state.muted,
      cameraOff: state.cameraOff,
      speakerId: state.speakerId,
      hosting: state.hosting,
      signaling: state.signaling,
      sidePanel: state.sidePanel,
      closeSidePanel: state.closeSidePanel,
      layout: state.layout,
      pinned: state.pinned,
      activeSpeaker: state.activeSpeaker,
      sharing: state.screenTrack !== null,
      ownHand: state.hands.includes('self') ? state.hands.indexOf('self') + 1 : undefined,
      ownReaction: state.reactions['self']?.emoji,
    })),
  );
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  useCallShortcuts({ onHelp: showShortcuts });
  const base = useId();
  const title = useFocusOnArrival<HTMLHeadingElement>();
  // Stable, so the (memoised) toolbar is not redrawn with every change to the grid.
  const panelIds = useMemo(() => ({ chat: `${base}-chat`, people: `${base}-people`, stats: `${base}-stats`, settings: `${base}-settings` }) as const, [base]);
  // A shared screen is shown large, with the sharer's camera beside it among the others.
  const screens = peers.filter((peer) => peer.screen && peer.mediaState?.screenSharing);
  const speakerLayout = s.layout === 'speaker' || screens.length > 0;
  // Speaker view: the pinned participant, else whoever speaks, else the first to arrive.
  const featured = s.layout === 'speaker' && screens.length === 0 ? (s.pinned ?? s.activeSpeaker ?? peers[0]?.id ?? null) : null;
  const ordered = featured ? [...peers].sort((a, b) => Number(b.id === featured) - Number(a.id === featured)) : peers;
  const count = peers.length + 1;
  const takeSnapshot = useSnapshot();
  const snapshotOwn = useCallback((video: HTMLVideoElement) => void takeSnapshot(s.displayName, video), [takeSnapshot, s.displayName]);

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
          <VideoTile
            stream={s.previewStream}
            name={s.displayName}
            isSelf
            audioMuted={s.muted}
            videoOff={s.cameraOff}
            badges={(tile) => <TileBadges tile={tile} handPosition={s.ownHand} reaction={s.ownReaction} />}
            actions={(tile) => <TileActions tile={tile} name={s.displayName} onSnapshot={snapshotOwn} />}
          />
          {ordered.map((peer) => (
            <PeerTile key={peer.id} peer={peer} featured={featured === peer.id} thumbnail={speakerLayout && featured !== peer.id} />
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
