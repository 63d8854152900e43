import { memo, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useText } from '../../i18n/useText';
import { Camera, Hand, Pin, PinOff, UserX, VolumeX } from '../../ui/icons';
import { MicOffIcon } from '../ui/icons';
import { selfViewVideo } from './selfView';
import { useViewReport } from './useViewReport';
import type { ConnectionQuality } from '../../call/connectionQuality';
import { ConnectionBars } from './ConnectionBars';
import { AS_SENT, type Listening } from '../../call/listening';

interface VideoTileProps {
  stream: MediaStream | null;
  /** The participant's display name; for our own tile it may still be empty (nothing typed yet). */
  name: string;
  /** Our own preview: mirrored and muted so we do not hear ourselves. */
  isSelf?: boolean;
  /** Shown over the tile until the peer connection is up. */
  status?: string | null;
  peerId?: string;
  audioMuted?: boolean;
  videoOff?: boolean;
  /** Audio output device for this tile's sound when it plays its own (playsOwnAudio); null for the system default. */
  sinkId?: string | null;
  onSnapshot?: (video: HTMLVideoElement) => void;
  /** Offered to the host only: send this participant away. */
  onRemove?: () => void;
  /** The active speaker: highlighted. */
  speaking?: boolean;
  /** Shown large in speaker view. */
  featured?: boolean;
  /** One of the small tiles beside a featured one (speaker view, a shared screen). */
  thumbnail?: boolean;
  pinned?: boolean;
  onTogglePin?: () => void;
  /** Place in the raised-hands line (1: first), if this participant's hand is up. */
  handPosition?: number;
  /** The reaction this participant just sent, shown for a few seconds. */
  reaction?: string;
  /** How the connection to this participant is doing (remote tiles), once there is enough to say. */
  connection?: ConnectionQuality | null;
  /** How loud this participant is for us (remote tiles with a sound menu). */
  listening?: Listening;
  /**
   * The participant's sound menu (PeerSoundMenu), first of the tile's actions: passed in by the
   * call's tiles, so the home screen's preview tile loads no React Aria dialog.
   */
  soundMenu?: ReactNode;
  /**
   * The tile's own element plays the sound (at up to 100%): only where the browser cannot route
   * Web Audio to the chosen speaker. Otherwise RemoteVoices plays it and the element stays muted.
   */
  playsOwnAudio?: boolean;
}

const LEVEL_TEXT = { good: 'call.quality.good', fair: 'call.quality.fair', poor: 'call.quality.poor' } as const;
const REASON_TEXT = { loss: 'call.quality.loss', delay: 'call.quality.delay', freezes: 'call.quality.freezes', cpu: 'call.quality.cpu', bandwidth: 'call.quality.bandwidth' } as const;

type SinkableVideo = HTMLVideoElement & { sinkId?: string; setSinkId?: (id: string) => Promise<void> };

/** The placeholder's letter for a name that has none to give: a sign, not a word. */
const NO_INITIAL = '?';

/** Memoised: a tile is redrawn when what it shows changes, not with every change elsewhere on the screen. */
export const VideoTile = memo(function VideoTile({ stream, name, isSelf = false, status = null, peerId, audioMuted = false, videoOff = false, sinkId = null, onSnapshot, onRemove, speaking = false, featured = false, thumbnail = false, pinned = false, onTogglePin, handPosition, reaction, connection = null, listening, soundMenu, playsOwnAudio = false }: VideoTileProps) {
  const t = useText();
  const video = useRef<SinkableVideo>(null);
  /** Where our own camera's shared element goes (see selfView.ts); remote tiles have their own. */
  const selfSlot = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  // A remote participant learns how we show them, and sends no more than that.
  useViewReport(isSelf ? undefined : peerId, figure, thumbnail);

  useLayoutEffect(() => {
    const slot = selfSlot.current;
    if (!isSelf || !slot) return;
    const element = selfViewVideo();
    slot.append(element);
    video.current = element;
    return () => {
      if (element.parentElement === slot) element.remove();
      video.current = null;
    };
  }, [isSelf]);

  useEffect(() => {
    const element = video.current;
    if (element && element.srcObject !== stream) element.srcObject = stream;
  }, [stream]);

  useEffect(() => {
    const element = video.current;
    const wanted = sinkId ?? '';
    // Only a real change: each call asks the browser to authorise the device and re-opens the
    // output, which a new tile with the default speaker does not need (work saved at every join).
    if (isSelf || !playsOwnAudio || !element?.setSinkId || element.sinkId === wanted) return;
    element.setSinkId(wanted).catch((error: unknown) => console.warn('Parley: could not switch the speaker', error));
  }, [sinkId, isSelf, playsOwnAudio]);

  const mutedForMe = listening?.mutedForMe ?? false;
  const volume = listening?.volume ?? AS_SENT.volume;
  useEffect(() => {
    const element = video.current;
    if (isSelf || !element) return;
    element.muted = !playsOwnAudio || mutedForMe;
    element.volume = Math.min(1, volume);
  }, [isSelf, playsOwnAudio, mutedForMe, volume]);

  const hasVideo = !videoOff && (stream?.getVideoTracks().some((track) => track.readyState === 'live') ?? false);
  useLayoutEffect(() => {
    if (!isSelf) return;
    const element = selfViewVideo();
    element.classList.toggle('tile__video--hidden', !hasVideo);
    element.setAttribute('aria-hidden', String(!hasVideo));
  }, [isSelf, hasVideo]);
  // Our own tile says whose it is: "Ada (you)", or only "You" before a name is typed.
  const shownName = isSelf && !name ? t('call.tile.you') : name;
  const label = isSelf && name ? t('call.tile.self', { name }) : shownName;
  const initial = shownName.trim().charAt(0).toUpperCase() || NO_INITIAL;
  return (
    <figure
      ref={figure}
      className={`tile${isSelf ? ' tile--self' : ''}${speaking ? ' tile--speaking' : ''}${featured ? ' tile--featured' : ''}`}
      aria-label={label}
      data-peer-id={peerId}
      data-speaking={speaking}
    >
      {speaking && <span className="tile__speaking">{t('call.tile.speaking')}</span>}
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
        <span className="tile__reaction" role="img" aria-label={t('call.tile.reaction', { name: shownName, emoji: reaction })}>
          {reaction}
        </span>
      )}
      {isSelf ? (
        <div ref={selfSlot} className="tile__video-slot" />
      ) : (
        <video ref={video} autoPlay playsInline muted aria-hidden={!hasVideo} className={hasVideo ? undefined : 'tile__video--hidden'} />
      )}
      {!hasVideo && (
        <div className="tile__placeholder" aria-label={t('call.tile.cameraOff', { name: shownName })} role="img">
          <span aria-hidden="true">{initial}</span>
          <span className="tile__placeholder-name">{shownName}</span>
        </div>
      )}
      {status && (
        <p className="tile__status" role="status">
          {status}
        </p>
      )}
      <figcaption className="tile__name">
        {audioMuted && (
          <span className="tile__muted">
            <MicOffIcon label={t('call.tile.microphoneMuted')} />
          </span>
        )}
        {mutedForMe && (
          <span className="tile__muted">
            <VolumeX role="img" aria-label={t('call.tile.mutedForMe')} />
          </span>
        )}
        {label}
      </figcaption>
      <div className="tile__actions">
        {soundMenu}
        {onTogglePin && (
          <button type="button" className="tile__action" aria-pressed={pinned} aria-label={t('call.tile.pinName', { name })} title={pinned ? t('call.tile.unpin') : t('call.tile.pin')} onClick={onTogglePin}>
            {pinned ? <PinOff aria-hidden="true" focusable="false" /> : <Pin aria-hidden="true" focusable="false" />}
          </button>
        )}
        {onSnapshot && hasVideo && (
          <button type="button" className="tile__action" aria-label={t('call.tile.snapshotName', { name: shownName })} title={t('call.tile.snapshot')} onClick={() => video.current && onSnapshot(video.current)}>
            <Camera aria-hidden="true" focusable="false" />
          </button>
        )}
        {onRemove && (
          <button type="button" className="tile__action" aria-label={t('call.tile.removeName', { name })} title={t('call.tile.remove')} onClick={onRemove}>
            <UserX aria-hidden="true" focusable="false" />
          </button>
        )}
      </div>
    </figure>
  );
});
