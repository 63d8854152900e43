/**
 * The mini window: while the call goes on behind other windows (the main window hidden or
 * minimised, or the tab in the background), a small always-on-top window with whoever is
 * speaking, their name, and mute, camera, leave and "back to Parley". In the desktop app it opens
 * by itself when the window is hidden (a setting turns that off) and closes when it comes back;
 * anywhere, "Mini window" in the More menu opens it (a browser's Picture-in-Picture needs that click).
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { useText } from '../../i18n/useText';
import { platform } from '../../platform';
import { useParley } from '../../store';
import { Maximize2, Mic, MicOff, PhoneOff, Video, VideoOff } from '../../ui/icons';
import { miniWindowPeerId } from '../../store/miniWindowPeer';
import { openMiniWindow } from './miniWindowHost';

export function MiniWindow() {
  const { wanted, setOpen, auto } = useParley(useShallow((state) => ({ wanted: state.miniWindowOpen, setOpen: state.setMiniWindowOpen, auto: state.desktop.miniWindow })));
  const [host, setHost] = useState<Window | null>(null);
  const openedByHiding = useRef(false);

  // The desktop app: hidden or minimised during a call, the mini window comes; back, it goes.
  useEffect(() => {
    if (platform().kind !== 'desktop' || !auto) return;
    const follow = (): void => {
      const hidden = document.visibilityState === 'hidden';
      if (hidden && !useParley.getState().miniWindowOpen) {
        openedByHiding.current = true;
        useParley.getState().setMiniWindowOpen(true);
      } else if (!hidden && openedByHiding.current) {
        openedByHiding.current = false;
        useParley.getState().setMiniWindowOpen(false);
      }
    };
    document.addEventListener('visibilitychange', follow);
    return () => document.removeEventListener('visibilitychange', follow);
  }, [auto]);

  useEffect(() => {
    if (!wanted) return;
    let opened: Window | null = null;
    let cancelled = false;
    void openMiniWindow(platform().kind === 'browser').then((made) => {
      if (cancelled) return made?.close();
      if (!made) return setOpen(false);
      opened = made;
      // Closed by the user (its own close button): not reopened until asked again.
      made.addEventListener('pagehide', () => setOpen(false), { once: true });
      setHost(made);
    });
    return () => {
      cancelled = true;
      opened?.close();
      setHost(null);
    };
  }, [wanted, setOpen]);

  useEffect(() => () => useParley.getState().setMiniWindowOpen(false), []);

  return host ? createPortal(<MiniCall />, host.document.body) : null;
}

function MiniCall() {
  const t = useText();
  const s = useParley(
    useShallow((state) => {
      const shownId = miniWindowPeerId(state);
      const shown = shownId ? state.peers[shownId] : undefined;
      return {
        stream: shown ? shown.stream : state.previewStream,
        name: shown ? shown.name : state.displayName,
        muted: state.muted,
        cameraOff: state.cameraOff,
        toggleMute: state.toggleMute,
        toggleCamera: state.toggleCamera,
        leave: state.leave,
        setOpen: state.setMiniWindowOpen,
      };
    }),
  );
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== s.stream) video.current.srcObject = s.stream;
  }, [s.stream]);
  const back = (): void => {
    platform().showWindow?.();
    window.focus();
    s.setOpen(false);
  };
  return (
    <div className="mini" aria-label={t('desktop.mini.label')}>
      {/* Muted: the call's sound already plays from the main window. */}
      <video ref={video} className="mini__video" autoPlay playsInline muted data-mini-video="" />
      <p className="mini__name">{s.name}</p>
      <div className="mini__controls" role="toolbar" aria-label={t('call.controls.label')}>
        <button type="button" className={`control control--small${s.muted ? ' control--toggled' : ''}`} aria-label={t('call.controls.mute')} aria-pressed={s.muted} title={s.muted ? t('call.controls.unmute') : t('call.controls.mute')} onClick={s.toggleMute}>
          {s.muted ? <MicOff aria-hidden="true" className="control__icon control__icon--small" /> : <Mic aria-hidden="true" className="control__icon control__icon--small" />}
        </button>
        <button type="button" className={`control control--small${s.cameraOff ? ' control--toggled' : ''}`} aria-label={t('call.controls.cameraOff')} aria-pressed={s.cameraOff} title={s.cameraOff ? t('call.controls.turnCameraOn') : t('call.controls.turnCameraOff')} onClick={() => void s.toggleCamera()}>
          {s.cameraOff ? <VideoOff aria-hidden="true" className="control__icon control__icon--small" /> : <Video aria-hidden="true" className="control__icon control__icon--small" />}
        </button>
        <button type="button" className="control control--small" aria-label={t('desktop.mini.back')} title={t('desktop.mini.back')} onClick={back}>
          <Maximize2 aria-hidden="true" className="control__icon control__icon--small" />
        </button>
        <button type="button" className="control control--small control--danger" aria-label={t('call.controls.leave')} title={t('call.controls.leave')} onClick={() => void s.leave()}>
          <PhoneOff aria-hidden="true" className="control__icon control__icon--small" />
        </button>
      </div>
    </div>
  );
}
