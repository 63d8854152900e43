/**
 * The call's toolbar, grouped as people expect: microphone and camera (each with its device list),
 * share, chat, people, more (speaker view, statistics, settings, recording), leave. Icon buttons
 * keep their English accessible names (Mute, Camera off, Share screen…) and say their state with
 * aria-pressed or aria-expanded; the tooltip says what a press would do. React Aria's Toolbar
 * moves between them with the arrow keys.
 */
import { memo, useRef, useState } from 'react';
import { Toolbar } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { CallRecorder } from '../../call/recorder';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import type { SidePanel } from '../../store/sidePanelSlice';
import { ChartLine, CircleDot, Ellipsis, Hand, Keyboard, LayoutGrid, MessageSquare, PhoneOff, PictureInPicture2, ScreenShare, ScreenShareOff, Settings, SmilePlus, Users } from '../../ui/icons';
import { REACTIONS } from '../../../../shared/peerMessages';
import { shortcutLabel } from '../shortcuts/callShortcuts';
import { ControlButton } from '../../ui/primitives/ControlButton';
import { MenuButton } from '../../ui/primitives/MenuButton';
import { DeviceChooser } from '../media/DeviceChooser';
import { DeviceToggle } from '../media/DeviceToggle';
import { RecordingReview } from './RecordingReview';

/** Memoised: its props are stable, so changes to the grid (a peer's stream, state, statistics) do not redraw it. */
export const CallControls = memo(function CallControls({ panelIds, onShowShortcuts }: { panelIds: Record<SidePanel, string>; onShowShortcuts: () => void }) {
  const s = useParley(
    useShallow((state) => ({
      leave: state.leave,
      sidePanel: state.sidePanel,
      toggleSidePanel: state.toggleSidePanel,
      unreadChat: state.unreadChat,
      layout: state.layout,
      setLayout: state.setLayout,
      sharing: state.screenTrack !== null,
      shareScreen: state.shareScreen,
      stopScreenShare: state.stopScreenShare,
      handRaised: state.hands.includes('self'),
      toggleHand: state.toggleHand,
      react: state.react,
      miniWindowOpen: state.miniWindowOpen,
      setMiniWindowOpen: state.setMiniWindowOpen,
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
        {(['microphone', 'camera'] as const).map((kind) => (
          <div key={kind} className="control-group">
            <DeviceToggle kind={kind} inCall />
            <DeviceChooser kind={kind} />
          </div>
        ))}
        <ControlButton
          icon={ScreenShare}
          toggledIcon={ScreenShareOff}
          label={t('call.controls.shareScreen')}
          tooltip={s.sharing ? t('call.controls.stopSharing') : t('call.controls.shareScreen')}
          toggled={s.sharing}
          shortcut={shortcutLabel('share')}
          control="share"
          onPress={() => (s.sharing ? s.stopScreenShare() : void s.shareScreen())}
        />
        <ControlButton
          icon={MessageSquare}
          label={chatName}
          tooltip={t('call.controls.chatName')}
          controls={panel('chat')}
          shortcut={shortcutLabel('chat')}
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
        <ControlButton
          icon={Hand}
          label={t('call.controls.raiseHand')}
          tooltip={s.handRaised ? t('call.controls.lowerHand') : t('call.controls.raiseHand')}
          toggled={s.handRaised}
          shortcut={shortcutLabel('hand')}
          control="hand"
          onPress={s.toggleHand}
        />
        <MenuButton icon={SmilePlus} label={t('call.controls.react')} control="react" items={REACTIONS.map((emoji) => ({ id: emoji, label: emoji, onAction: () => s.react(emoji) }))} />
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
            { id: 'mini-window', label: t('desktop.menu.miniWindow'), icon: PictureInPicture2, checked: s.miniWindowOpen, onAction: () => s.setMiniWindowOpen(!s.miniWindowOpen) },
            { id: 'shortcuts', label: t('desktop.menu.shortcuts'), icon: Keyboard, onAction: onShowShortcuts },
          ]}
        />
        <ControlButton icon={PhoneOff} label={t('call.controls.leave')} tone="danger" control="leave" onPress={() => void s.leave()} />
      </Toolbar>
      {finished && <RecordingReview recording={finished} onClose={() => setFinished(null)} />}
    </>
  );
});
