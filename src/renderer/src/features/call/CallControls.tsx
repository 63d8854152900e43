/**
 * The call's toolbar, grouped as people expect: microphone and camera (each with its device list),
 * share, chat, people, more (speaker view, statistics, settings, recording), leave. Icon buttons
 * keep their English accessible names (Mute, Camera off, Share screen…) and say their state with
 * aria-pressed or aria-expanded; the tooltip says what a press would do. React Aria's Toolbar
 * moves between them with the arrow keys.
 */
import { useRef, useState } from 'react';
import { Toolbar } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { CallRecorder } from '../../call/recorder';
import type { DeviceOption } from '../../call/devices';
import { useText, type Translate } from '../../i18n/useText';
import { useParley } from '../../store';
import type { SidePanel } from '../../store/sidePanelSlice';
import { ChartLine, CircleDot, Ellipsis, LayoutGrid, MessageSquare, Mic, MicOff, PhoneOff, ScreenShare, ScreenShareOff, Settings, Users, Video, VideoOff } from '../../ui/icons';
import { ChoiceMenuButton, type Choice } from '../../ui/primitives/ChoiceMenuButton';
import { ControlButton } from '../../ui/primitives/ControlButton';
import { MenuButton } from '../../ui/primitives/MenuButton';
import { RecordingReview } from './RecordingReview';

const SYSTEM_DEFAULT = 'system-default';

function deviceChoices(devices: DeviceOption[], t: Translate, unnamed: (position: number) => string): Choice[] {
  return [{ id: SYSTEM_DEFAULT, label: t('media.systemDefault') }, ...devices.map((device, index) => ({ id: device.deviceId, label: device.label || unnamed(index + 1) }))];
}

export function CallControls({ panelIds }: { panelIds: Record<SidePanel, string> }) {
  const s = useParley(
    useShallow((state) => ({
      muted: state.muted,
      cameraOff: state.cameraOff,
      hasMicrophone: state.microphoneTrack !== null,
      toggleMute: state.toggleMute,
      toggleCamera: state.toggleCamera,
      devices: state.devices,
      cameraId: state.mediaInfo.video?.deviceId ?? state.cameraId,
      microphoneId: state.mediaInfo.audio?.deviceId ?? state.microphoneId,
      selectCamera: state.selectCamera,
      selectMicrophone: state.selectMicrophone,
      leave: state.leave,
      sidePanel: state.sidePanel,
      toggleSidePanel: state.toggleSidePanel,
      unreadChat: state.unreadChat,
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

  const panel = (name: SidePanel) => ({ id: panelIds[name], open: s.sidePanel === name });
  const chatName = s.unreadChat > 0 ? t('call.controls.chatNameUnread', { count: s.unreadChat }) : t('call.controls.chatName');

  return (
    <>
      <Toolbar className="controls" aria-label={t('call.controls.label')}>
        <div className="control-group">
          <ControlButton
            icon={Mic}
            toggledIcon={MicOff}
            label={t('call.controls.mute')}
            tooltip={s.muted ? t('call.controls.unmute') : t('call.controls.mute')}
            toggled={s.muted}
            control="mute"
            isDisabled={!s.hasMicrophone}
            onPress={s.toggleMute}
          />
          <ChoiceMenuButton
            label={t('call.controls.chooseMicrophone')}
            choices={deviceChoices(s.devices.microphones, t, (position) => t('media.unnamedMicrophone', { position }))}
            selected={s.microphoneId ?? SYSTEM_DEFAULT}
            onSelect={(id) => void s.selectMicrophone(id === SYSTEM_DEFAULT ? null : id)}
            isDisabled={s.devices.microphones.length === 0}
          />
        </div>
        <div className="control-group">
          <ControlButton
            icon={Video}
            toggledIcon={VideoOff}
            label={t('call.controls.cameraOff')}
            tooltip={s.cameraOff ? t('call.controls.turnCameraOn') : t('call.controls.turnCameraOff')}
            toggled={s.cameraOff}
            control="camera"
            onPress={() => void s.toggleCamera()}
          />
          <ChoiceMenuButton
            label={t('call.controls.chooseCamera')}
            choices={deviceChoices(s.devices.cameras, t, (position) => t('media.unnamedCamera', { position }))}
            selected={s.cameraId ?? SYSTEM_DEFAULT}
            onSelect={(id) => void s.selectCamera(id === SYSTEM_DEFAULT ? null : id)}
            isDisabled={s.devices.cameras.length === 0}
          />
        </div>
        <ControlButton
          icon={ScreenShare}
          toggledIcon={ScreenShareOff}
          label={t('call.controls.shareScreen')}
          tooltip={s.sharing ? t('call.controls.stopSharing') : t('call.controls.shareScreen')}
          toggled={s.sharing}
          control="share"
          onPress={() => (s.sharing ? s.stopScreenShare() : void s.shareScreen())}
        />
        <ControlButton
          icon={MessageSquare}
          label={chatName}
          tooltip={t('call.controls.chatName')}
          controls={panel('chat')}
          control="chat"
          badge={
            s.unreadChat > 0 && (
              <span className="badge" aria-hidden="true">
                {s.unreadChat}
              </span>
            )
          }
          onPress={() => s.toggleSidePanel('chat')}
        />
        <ControlButton icon={Users} label={t('call.controls.people')} controls={panel('people')} control="people" onPress={() => s.toggleSidePanel('people')} />
        {recording && <ControlButton icon={CircleDot} label={t('call.controls.stopRecording')} tone="danger" onPress={() => void toggleRecording()} />}
        <MenuButton
          icon={Ellipsis}
          label={t('call.controls.more')}
          control="more"
          items={[
            { id: 'speaker-view', label: t('call.controls.speakerView'), icon: LayoutGrid, checked: s.layout === 'speaker', onAction: () => s.setLayout(s.layout === 'speaker' ? 'grid' : 'speaker') },
            { id: 'statistics', label: t('call.controls.statistics'), icon: ChartLine, checked: s.sidePanel === 'stats', onAction: () => s.toggleSidePanel('stats') },
            { id: 'settings', label: t('call.controls.settings'), icon: Settings, checked: s.sidePanel === 'settings', onAction: () => s.toggleSidePanel('settings') },
            { id: 'record', label: recording ? t('call.controls.stopRecording') : t('call.controls.record'), icon: CircleDot, onAction: () => void toggleRecording() },
          ]}
        />
        <ControlButton icon={PhoneOff} label={t('call.controls.leave')} tone="danger" control="leave" onPress={() => void s.leave()} />
      </Toolbar>
      {finished && <RecordingReview recording={finished} onClose={() => setFinished(null)} />}
    </>
  );
}
