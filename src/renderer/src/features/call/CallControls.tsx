import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CallRecorder } from '../../call/recorder';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { MicIcon, MicOffIcon } from '../ui/icons';
import { RecordingReview } from './RecordingReview';

/** Mute, camera, settings, recording and leave: one toolbar, each button with a stable accessible name. */
export function CallControls({
  settingsOpen,
  onToggleSettings,
  settingsId,
  panelId,
  statsId,
}: {
  settingsOpen: boolean;
  onToggleSettings: () => void;
  settingsId: string;
  panelId: string;
  statsId: string;
}) {
  const s = useParley(
    useShallow((state) => ({
      muted: state.muted,
      cameraOff: state.cameraOff,
      hasMicrophone: state.microphoneTrack !== null,
      toggleMute: state.toggleMute,
      toggleCamera: state.toggleCamera,
      leave: state.leave,
      panelOpen: state.panelOpen,
      setPanelOpen: state.setPanelOpen,
      unreadChat: state.unreadChat,
      statsOpen: state.statsOpen,
      setStatsOpen: state.setStatsOpen,
      layout: state.layout,
      setLayout: state.setLayout,
      sharing: state.screenTrack !== null,
      shareScreen: state.shareScreen,
      stopScreenShare: state.stopScreenShare,
    })),
  );
  const t = useText();
  const recorder = useRef<CallRecorder | null>(null);
  const [recording, setRecording] = useState(false);
  const [finished, setFinished] = useState<Blob | null>(null);

  const toggleRecording = async (): Promise<void> => {
    if (recorder.current) {
      const blob = await recorder.current.stop();
      recorder.current = null;
      setRecording(false);
      setFinished(blob);
      return;
    }
    const created = new CallRecorder(() => {
      const videos = [...document.querySelectorAll<HTMLVideoElement>('.grid .tile video')];
      const { microphoneTrack, peers } = useParley.getState();
      const remoteAudio = Object.values(peers).flatMap((peer) => peer.stream?.getAudioTracks() ?? []);
      return { videos, audioTracks: [...(microphoneTrack ? [microphoneTrack] : []), ...remoteAudio] };
    });
    created.start();
    recorder.current = created;
    setRecording(true);
  };

  return (
    <>
      <div className="controls" role="toolbar" aria-label={t('call.controls.label')}>
        <button type="button" className="button" aria-pressed={s.muted} disabled={!s.hasMicrophone} onClick={s.toggleMute}>
          {s.muted ? <MicOffIcon /> : <MicIcon />} {t('call.controls.mute')}
        </button>
        <button type="button" className="button" aria-pressed={s.cameraOff} onClick={() => void s.toggleCamera()}>
          {t('call.controls.cameraOff')}
        </button>
        <button type="button" className="button" aria-expanded={settingsOpen} aria-controls={settingsId} onClick={onToggleSettings}>
          {t('call.controls.settings')}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={s.panelOpen}
          aria-controls={panelId}
          aria-label={s.unreadChat > 0 ? t('call.controls.chatNameUnread', { count: s.unreadChat }) : t('call.controls.chatName')}
          onClick={() => s.setPanelOpen(!s.panelOpen)}
        >
          {t('call.controls.chat')}
          {s.unreadChat > 0 && (
            <span className="badge" aria-hidden="true">
              {s.unreadChat}
            </span>
          )}
        </button>
        <button type="button" className="button" aria-pressed={s.sharing} onClick={() => (s.sharing ? s.stopScreenShare() : void s.shareScreen())}>
          {s.sharing ? t('call.controls.stopSharing') : t('call.controls.shareScreen')}
        </button>
        <button type="button" className="button" aria-pressed={s.layout === 'speaker'} onClick={() => s.setLayout(s.layout === 'speaker' ? 'grid' : 'speaker')}>
          {t('call.controls.speakerView')}
        </button>
        <button type="button" className="button" aria-expanded={s.statsOpen} aria-controls={statsId} onClick={() => s.setStatsOpen(!s.statsOpen)}>
          {t('call.controls.statistics')}
        </button>
        <button type="button" className={`button${recording ? ' button--recording' : ''}`} onClick={() => void toggleRecording()}>
          {recording ? t('call.controls.stopRecording') : t('call.controls.record')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void s.leave()}>
          {t('call.controls.leave')}
        </button>
      </div>
      {finished && <RecordingReview recording={finished} onClose={() => setFinished(null)} />}
    </>
  );
}
