import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CallRecorder } from '../../call/recorder';
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
      <div className="controls" role="toolbar" aria-label="Call controls">
        <button type="button" className="button" aria-pressed={s.muted} disabled={!s.hasMicrophone} onClick={s.toggleMute}>
          {s.muted ? <MicOffIcon /> : <MicIcon />} Mute
        </button>
        <button type="button" className="button" aria-pressed={s.cameraOff} onClick={() => void s.toggleCamera()}>
          Camera off
        </button>
        <button type="button" className="button" aria-expanded={settingsOpen} aria-controls={settingsId} onClick={onToggleSettings}>
          Settings
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={s.panelOpen}
          aria-controls={panelId}
          aria-label={s.unreadChat > 0 ? `Chat and files, ${s.unreadChat} unread` : 'Chat and files'}
          onClick={() => s.setPanelOpen(!s.panelOpen)}
        >
          Chat &amp; files
          {s.unreadChat > 0 && (
            <span className="badge" aria-hidden="true">
              {s.unreadChat}
            </span>
          )}
        </button>
        <button type="button" className="button" aria-pressed={s.sharing} onClick={() => (s.sharing ? s.stopScreenShare() : void s.shareScreen())}>
          {s.sharing ? 'Stop sharing' : 'Share screen'}
        </button>
        <button type="button" className="button" aria-pressed={s.layout === 'speaker'} onClick={() => s.setLayout(s.layout === 'speaker' ? 'grid' : 'speaker')}>
          Speaker view
        </button>
        <button type="button" className="button" aria-expanded={s.statsOpen} aria-controls={statsId} onClick={() => s.setStatsOpen(!s.statsOpen)}>
          Statistics
        </button>
        <button type="button" className={`button${recording ? ' button--recording' : ''}`} onClick={() => void toggleRecording()}>
          {recording ? 'Stop recording' : 'Record'}
        </button>
        <button type="button" className="button button--danger" onClick={() => void s.leave()}>
          Leave
        </button>
      </div>
      {finished && <RecordingReview recording={finished} onClose={() => setFinished(null)} />}
    </>
  );
}
