/**
 * The microphone's and the camera's toolbar control, the same on the home screen and in a call:
 * a toggle with a stable name (Mute, Camera off) saying its state with aria-pressed, and in a
 * call the list to switch devices beside it (and Mute disabled when there is no microphone).
 */
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { Mic, MicOff, Video, VideoOff, type Icon } from '../../ui/icons';
import { ChoiceMenuButton } from '../../ui/primitives/ChoiceMenuButton';
import { ControlButton } from '../../ui/primitives/ControlButton';
import { shortcutLabel, type ShortcutAction } from '../shortcuts/callShortcuts';

const SYSTEM_DEFAULT = 'system-default';

interface Kind {
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

const KINDS: Record<'microphone' | 'camera', Kind> = {
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

export function DeviceToggle({ kind, inCall = false }: { kind: keyof typeof KINDS; inCall?: boolean }) {
  const t = useText();
  const spec = KINDS[kind];
  const s = useParley(
    useShallow((state) =>
      kind === 'microphone'
        ? { off: state.muted, toggle: state.toggleMute, disabled: inCall && state.microphoneTrack === null, devices: state.devices.microphones, selected: state.mediaInfo.audio?.deviceId ?? state.microphoneId, select: state.selectMicrophone }
        : { off: state.cameraOff, toggle: state.toggleCamera, disabled: false, devices: state.devices.cameras, selected: state.mediaInfo.video?.deviceId ?? state.cameraId, select: state.selectCamera },
    ),
  );
  const toggle = (
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
  if (!inCall) return toggle;
  return (
    <div className="control-group">
      {toggle}
      <ChoiceMenuButton
        label={t(spec.choose)}
        choices={[{ id: SYSTEM_DEFAULT, label: t('media.systemDefault') }, ...s.devices.map((device, index) => ({ id: device.deviceId, label: device.label || t(spec.unnamed, { position: index + 1 }) }))]}
        selected={s.selected ?? SYSTEM_DEFAULT}
        onSelect={(id) => void s.select(id === SYSTEM_DEFAULT ? null : id)}
        isDisabled={s.devices.length === 0}
      />
    </div>
  );
}
