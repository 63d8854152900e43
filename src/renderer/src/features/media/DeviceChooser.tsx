/**
 * In a call, the list beside Mute and Camera off to switch microphone or camera (with the
 * system's default first). Drawn by the call's controls only, so its menu comes with the call
 * screen's chunk and the home screen loads none (docs/PERFORMANCE.md, "Less to load").
 */
import { useShallow } from 'zustand/react/shallow';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { ChoiceMenuButton } from '../../ui/primitives/ChoiceMenuButton';
import { DEVICE_KINDS } from './DeviceToggle';

const SYSTEM_DEFAULT = 'system-default';

export function DeviceChooser({ kind }: { kind: keyof typeof DEVICE_KINDS }) {
  const t = useText();
  const spec = DEVICE_KINDS[kind];
  const s = useParley(
    useShallow((state) =>
      kind === 'microphone'
        ? { devices: state.devices.microphones, selected: state.mediaInfo.audio?.deviceId ?? state.microphoneId, select: state.selectMicrophone }
        : { devices: state.devices.cameras, selected: state.mediaInfo.video?.deviceId ?? state.cameraId, select: state.selectCamera },
    ),
  );
  return (
    <ChoiceMenuButton
      label={t(spec.choose)}
      choices={[{ id: SYSTEM_DEFAULT, label: t('media.systemDefault') }, ...s.devices.map((device, index) => ({ id: device.deviceId, label: device.label || t(spec.unnamed, { position: index + 1 }) }))]}
      selected={s.selected ?? SYSTEM_DEFAULT}
      onSelect={(id) => void s.select(id === SYSTEM_DEFAULT ? null : id)}
      isDisabled={s.devices.length === 0}
    />
  );
}
