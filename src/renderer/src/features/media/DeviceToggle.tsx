/**
 * The microphone's and the camera's toolbar control, the same on the home screen and in a call:
 * a toggle with a stable name (Mute, Camera off) saying its state with aria-pressed (and in a
 * call, Mute disabled when there is no microphone). In a call the list to switch devices sits
 * beside it (DeviceChooser.tsx, drawn by the call's controls: the home screen loads no menu).
 */
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { Mic, MicOff, Video, VideoOff, type Icon } from '../../ui/icons';
import { ControlButton } from '../../ui/primitives/ControlButton';
import { shortcutLabel, type ShortcutAction } from '../shortcuts/callShortcuts';

export interface DeviceKind {
  icon: Icon;
  toggledIcon: Icon;
  label: MessageKey;
  /** What a press does: while on, and while off. */
  tooltip: { on: MessageKey; off: MessageKey };
  choose: MessageKey;
  unnamed: MessageKey;
  control: string;
  shortcut: ShortcutAction;
}

export const DEVICE_KINDS: Record<'microphone' | 'camera', DeviceKind> = {
  microphone: {
    icon: Mic,
    toggledIcon: MicOff,
    label: 'call.controls.mute',
    tooltip: { on: 'call.controls.mute', off: 'call.controls.unmute' },
    choose: 'call.controls.chooseMicrophone',
    unnamed: 'media.unnamedMicrophone',
    control: 'mute',
    shortcut: 'microphone',
  },
  camera: {
    icon: Video,
    toggledIcon: VideoOff,
    label: 'call.controls.cameraOff',
    tooltip: { on: 'call.controls.turnCameraOff', off: 'call.controls.turnCameraOn' },
    choose: 'call.controls.chooseCamera',
    unnamed: 'media.unnamedCamera',
    control: 'camera',
    shortcut: 'camera',
  },
};

export function DeviceToggle({ kind, inCall = false }: { kind: keyof typeof DEVICE_KINDS; inCall?: boolean }) {
  const t = useText();
  const spec = DEVICE_KINDS[kind];
  const s = useParley(
    useShallow((state) =>
      kind === 'microphone'
        ? { off: state.muted, toggle: state.toggleMute, disabled: inCall && state.microphoneTrack === null }
        : { off: state.cameraOff, toggle: state.toggleCamera, disabled: false },
    ),
  );
  return (
    <ControlButton
      icon={spec.icon}
      toggledIcon={spec.toggledIcon}
      label={t(spec.label)}
      tooltip={s.off ? t(spec.tooltip.off) : t(spec.tooltip.on)}
      toggled={s.off}
      control={spec.control}
      shortcut={inCall ? shortcutLabel(spec.shortcut) : undefined}
      isDisabled={s.disabled}
      // (The store's own functions, so the shallow selector stays stable; the camera's is async.)
      onPress={() => void s.toggle()}
    />
  );
}
