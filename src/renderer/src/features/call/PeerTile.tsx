/**
 * One remote participant's tile in the call's grid. It reads what only concerns this participant
 * (its statistics, hand, reaction, volume, whether it speaks or is pinned) from the store itself
 * and is memoised, so a change to one participant, or the statistics' tick each second, redraws
 * that tile alone and not the whole call screen: at the join, redrawing every tile and the toolbar
 * on each of the new peer's updates took the main thread from the connection being set up
 * (docs/PERFORMANCE.md, "Joining").
 */
import { memo, useCallback, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import { connectionQuality } from '../../call/connectionQuality';
import type { PathProblem } from '../../call/pathWatch';
import { routesThroughGraph } from '../../call/listening';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import type { RemotePeer } from '../../store/callSlice';
import { listeningTo } from '../../store/listeningSlice';
import { PeerSoundMenu } from './PeerSoundMenu';
import { TileActions, TileBadges } from './TileExtras';
import { useSnapshot } from './useSnapshot';
import { useViewReport } from './useViewReport';
import { VideoTile, type TileInfo } from './VideoTile';

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

interface PeerTileProps {
  peer: RemotePeer;
  /** Shown large in speaker view. */
  featured: boolean;
  /** One of the small tiles beside a featured one (speaker view, a shared screen). */
  thumbnail: boolean;
}

export const PeerTile = memo(function PeerTile({ peer, featured, thumbnail }: PeerTileProps) {
  const t = useText();
  const takeSnapshot = useSnapshot();
  const s = useParley(
    useShallow((state) => ({
      speakerId: state.speakerId,
      isHost: state.isHost,
      removePeer: state.removePeer,
      setPinned: state.setPinned,
      speaking: state.activeSpeaker === peer.id,
      pinned: state.pinned === peer.id,
      handPosition: state.hands.includes(peer.id) ? state.hands.indexOf(peer.id) + 1 : undefined,
      reaction: state.reactions[peer.id]?.emoji,
      listening: listeningTo(state, peer.id),
      stats: state.peerStats[peer.id],
    })),
  );
  const connection = useMemo(() => connectionQuality(s.stats ?? []), [s.stats]);
  const connectionKey = CONNECTION_TEXT[peer.connection];
  const status = peer.pathProblem ? t(PATH_TEXT[peer.pathProblem], { name: peer.name }) : connectionKey ? t(connectionKey) : null;
  const { removePeer, setPinned, pinned } = s;
  const onSnapshot = useCallback((video: HTMLVideoElement) => void takeSnapshot(peer.name, video), [takeSnapshot, peer.name]);
  const onRemove = useCallback(() => void removePeer(peer.id), [removePeer, peer.id]);
  const onTogglePin = useCallback(() => setPinned(pinned ? null : peer.id), [setPinned, pinned, peer.id]);
  const hasListening = s.listening !== undefined;
  const soundMenu = useMemo(() => (hasListening ? <PeerSoundMenu peerId={peer.id} name={peer.name} /> : undefined), [hasListening, peer.id, peer.name]);
  const figure = useRef<HTMLElement>(null);
  // The participant learns how we show them, and sends no more than that.
  useViewReport(peer.id, figure, thumbnail);
  const { handPosition, reaction, isHost } = s;
  const badges = useCallback((tile: TileInfo) => <TileBadges tile={tile} connection={connection} handPosition={handPosition} reaction={reaction} />, [connection, handPosition, reaction]);
  const actions = useCallback(
    (tile: TileInfo) => <TileActions tile={tile} name={peer.name} soundMenu={soundMenu} pinned={pinned} onTogglePin={onTogglePin} onSnapshot={onSnapshot} onRemove={isHost ? onRemove : undefined} />,
    [peer.name, soundMenu, pinned, onTogglePin, onSnapshot, isHost, onRemove],
  );
  return (
    <VideoTile
      peerId={peer.id}
      stream={peer.stream}
      name={peer.name}
      status={status}
      audioMuted={peer.mediaState?.audioMuted ?? false}
      videoOff={peer.mediaState?.videoOff ?? false}
      sinkId={s.speakerId}
      speaking={s.speaking}
      featured={featured}
      listening={s.listening}
      figureRef={figure}
      badges={badges}
      actions={actions}
      playsOwnAudio={!routesThroughGraph(s.speakerId)}
    />
  );
});
