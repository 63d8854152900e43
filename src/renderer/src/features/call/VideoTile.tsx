/**
 * A participant's picture, name and state: the call's tiles and the home screen's preview. What
 * only the call's tiles show (the connection's bars, a raised hand, a reaction, the buttons) the
 * call passes in (`badges`, `actions`: TileExtras.tsx), so the preview loads none of it.
 */
import { memo, useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useText } from '../../i18n/useText';
import { VolumeX } from '../../ui/icons';
import { MicOffIcon } from '../ui/icons';
import { selfViewVideo } from './selfView';
import { AS_SENT, type Listening } from '../../call/listening';

/** What a tile's extras are drawn from. */
export interface TileInfo {
  /** The name as shown ("You" on our own tile before a name is typed). */
  shownName: string;
  hasVideo: boolean;
  /** The tile's video element, for a snapshot. */
  video: () => HTMLVideoElement | null;
}

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
  /** The active speaker: highlighted. */
  speaking?: boolean;
  /** Shown large in speaker view. */
  featured?: boolean;
  /** How loud this participant is for us (remote tiles with a sound menu). */
  listening?: Listening;
  /** The tile's element, for whoever watches how it is shown (useViewReport). */
  figureRef?: RefObject<HTMLElement | null>;
  /** Drawn over the picture: the connection's bars, a raised hand, a reaction (TileExtras.tsx). */
  badges?: (tile: TileInfo) => ReactNode;
  /** The tile's buttons: sound, pin, snapshot, remove (TileExtras.tsx). */
  actions?: (tile: TileInfo) => ReactNode;
  /**
   * The tile's own element plays the sound (at up to 100%): only where the browser cannot route
   * Web Audio to the chosen speaker. Otherwise RemoteVoices plays it and the element stays muted.
   */
  playsOwnAudio?: boolean;
}

type SinkableVideo = HTMLVideoElement & { sinkId?: string; setSinkId?: (id: string) => Promise<void> };

/** The placeholder's letter for a name that has none to give: a sign, not a word. */
const NO_INITIAL = '?';

/** Memoised: a tile is redrawn when what it shows changes, not with every change elsewhere on the screen. */
export const VideoTile = memo(function VideoTile({ stream, name, isSelf = false, status = null, peerId, audioMuted = false, videoOff = false, sinkId = null, speaking = false, featured = false, listening, figureRef, badges, actions, playsOwnAudio = false }: VideoTileProps) {
  const t = useText();
  const video = useRef<SinkableVideo>(null);
  /** Where our own camera's shared element goes (see selfView.ts); remote tiles have their own. */
  const selfSlot = useRef<HTMLDivElement>(null);
  const ownFigure = useRef<HTMLElement>(null);
  const figure = figureRef ?? ownFigure;

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
  const tile: TileInfo = { shownName, hasVideo, video: () => video.current };
  return (
    <figure
      ref={figure}
      className={`tile${isSelf ? ' tile--self' : ''}${speaking ? ' tile--speaking' : ''}${featured ? ' tile--featured' : ''}`}
      aria-label={label}
      data-peer-id={peerId}
      data-speaking={speaking}
    >
      {speaking && <span className="tile__speaking">{t('call.tile.speaking')}</span>}
      {badges?.(tile)}
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
      <div className="tile__actions">{actions?.(tile)}</div>
    </figure>
  );
});
