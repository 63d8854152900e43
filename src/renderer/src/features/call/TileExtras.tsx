/**
 * What the call's tiles show beyond a picture and a name (VideoTile's `badges` and `actions`):
 * how the connection is doing, a raised hand, a reaction, and the buttons (the sound menu, pin,
 * snapshot, remove). Apart from VideoTile, so the home screen's preview loads none of it.
 */
import type { ReactNode } from 'react';
import type { ConnectionQuality } from '../../call/connectionQuality';
import { useText } from '../../i18n/useText';
import { Camera, Hand, Pin, PinOff, UserX } from '../../ui/icons';
import { ConnectionBars } from './ConnectionBars';
import type { TileInfo } from './VideoTile';

const LEVEL_TEXT = { good: 'call.quality.good', fair: 'call.quality.fair', poor: 'call.quality.poor' } as const;
const REASON_TEXT = { loss: 'call.quality.loss', delay: 'call.quality.delay', freezes: 'call.quality.freezes', cpu: 'call.quality.cpu', bandwidth: 'call.quality.bandwidth' } as const;

export interface TileBadgesProps {
  tile: TileInfo;
  /** How the connection to this participant is doing (remote tiles), once there is enough to say. */
  connection?: ConnectionQuality | null;
  /** Place in the raised-hands line (1: first), if this participant's hand is up. */
  handPosition?: number | undefined;
  /** The reaction this participant just sent, shown for a few seconds. */
  reaction?: string | undefined;
}

export function TileBadges({ tile, connection = null, handPosition, reaction }: TileBadgesProps) {
  const t = useText();
  return (
    <>
      {connection && (
        <ConnectionBars
          level={connection.level}
          description={
            connection.reason
              ? t('call.quality.withReason', { level: t(LEVEL_TEXT[connection.level]), reason: t(REASON_TEXT[connection.reason], { figure: connection.figure }) })
              : t(LEVEL_TEXT[connection.level])
          }
        />
      )}
      {handPosition !== undefined && (
        <span className="tile__hand" role="img" aria-label={t('call.tile.handRaised', { position: handPosition })}>
          <Hand aria-hidden="true" focusable="false" />
          <span aria-hidden="true">{handPosition}</span>
        </span>
      )}
      {reaction && (
        <span className="tile__reaction" role="img" aria-label={t('call.tile.reaction', { name: tile.shownName, emoji: reaction })}>
          {reaction}
        </span>
      )}
    </>
  );
}

export interface TileActionsProps {
  tile: TileInfo;
  /** The participant's name as they gave it (the buttons' names say whose tile it is). */
  name: string;
  /** The participant's sound menu (PeerSoundMenu), first of the buttons. */
  soundMenu?: ReactNode;
  pinned?: boolean;
  onTogglePin?: (() => void) | undefined;
  onSnapshot?: ((video: HTMLVideoElement) => void) | undefined;
  /** Offered to the host only: send this participant away. */
  onRemove?: (() => void) | undefined;
}

export function TileActions({ tile, name, soundMenu, pinned = false, onTogglePin, onSnapshot, onRemove }: TileActionsProps) {
  const t = useText();
  return (
    <>
      {soundMenu}
      {onTogglePin && (
        <button type="button" className="tile__action" aria-pressed={pinned} aria-label={t('call.tile.pinName', { name })} title={pinned ? t('call.tile.unpin') : t('call.tile.pin')} onClick={onTogglePin}>
          {pinned ? <PinOff aria-hidden="true" focusable="false" /> : <Pin aria-hidden="true" focusable="false" />}
        </button>
      )}
      {onSnapshot && tile.hasVideo && (
        <button
          type="button"
          className="tile__action"
          aria-label={t('call.tile.snapshotName', { name: tile.shownName })}
          title={t('call.tile.snapshot')}
          onClick={() => {
            const video = tile.video();
            if (video) onSnapshot(video);
          }}
        >
          <Camera aria-hidden="true" focusable="false" />
        </button>
      )}
      {onRemove && (
        <button type="button" className="tile__action" aria-label={t('call.tile.removeName', { name })} title={t('call.tile.remove')} onClick={onRemove}>
          <UserX aria-hidden="true" focusable="false" />
        </button>
      )}
    </>
  );
}
