import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import type { DeviceOption } from '../../call/devices';
import { isMusicMode, MUSIC_MODE, QUALITY_PRESETS, SPEECH_PROCESSING, type AudioProcessing, type QualityPreset } from '../../call/mediaSettings';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { Field } from '../ui/Field';
import { EffectSettings } from './EffectSettings';
import { withLaterEnglish } from '../../i18n/loadCatalog';
import { lazyPart } from '../../ui/lazyPart';
import { FoldedSection } from '../ui/FoldedSection';
import { MicLevel } from './MicLevel';

const DEFAULT = '';

const mediaInfo = lazyPart('the media info', () => withLaterEnglish(import('./MediaInfo')).then((module) => module.MediaInfo));
export const prefetchMediaInfo = mediaInfo.prefetch;

function DevicePicker({
  label,
  unnamed,
  devices,
  value,
  onChange,
}: {
  label: string;
  /** The name of a device the browser gives no label, from its place in the list (1, 2…). */
  unnamed: (position: number) => string;
  devices: DeviceOption[];
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const t = useText();
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value ?? DEFAULT} onChange={(e) => onChange(e.target.value || null)} disabled={devices.length === 0}>
          <option value={DEFAULT}>{t('media.systemDefault')}</option>
          {devices.map((device, index) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label || unnamed(index + 1)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const PROCESSING_LABELS: Record<keyof AudioProcessing, MessageKey> = {
  noiseSuppression: 'media.processing.noiseSuppression',
  echoCancellation: 'media.processing.echoCancellation',
  autoGainControl: 'media.processing.autoGainControl',
};


/** Cameras, microphones, speakers, quality, audio processing and effects: the same in the lobby and in a call. */
export function DeviceSettings() {
  const s = useParley(
    useShallow((state) => ({
      devices: state.devices,
      cameraId: state.mediaInfo.video?.deviceId ?? state.cameraId,
      microphoneId: state.mediaInfo.audio?.deviceId ?? state.microphoneId,
      speakerId: state.speakerId,
      quality: state.quality,
      processing: state.processing,
      neuralNoiseSuppression: state.neuralNoiseSuppression,
      setNeuralNoiseSuppression: state.setNeuralNoiseSuppression,
      microphoneTrack: state.microphoneTrack,
      selectCamera: state.selectCamera,
      selectMicrophone: state.selectMicrophone,
      selectSpeaker: state.selectSpeaker,
      setQuality: state.setQuality,
      setProcessing: state.setProcessing,
    })),
  );
  const processingId = useId();
  const t = useText();
  // Figures as text: a resolution reads "1280×720", never with a thousands separator.
  const qualityText = (key: QualityPreset): string => {
    const { width, height, frameRate } = QUALITY_PRESETS[key];
    return t('media.quality.option', { width: String(width), height: String(height), frameRate: String(frameRate) });
  };

  return (
    <div className="device-settings">
      <DevicePicker
        label={t('media.camera')}
        unnamed={(position) => t('media.unnamedCamera', { position })}
        devices={s.devices.cameras}
        value={s.cameraId}
        onChange={(id) => void s.selectCamera(id)}
      />
      <DevicePicker
        label={t('media.microphone')}
        unnamed={(position) => t('media.unnamedMicrophone', { position })}
        devices={s.devices.microphones}
        value={s.microphoneId}
        onChange={(id) => void s.selectMicrophone(id)}
      />
      <MicLevel track={s.microphoneTrack} />
      <DevicePicker
        label={t('media.speaker')}
        unnamed={(position) => t('media.unnamedSpeaker', { position })}
        devices={s.devices.speakers}
        value={s.speakerId}
        onChange={s.selectSpeaker}
      />
      <Field label={t('media.quality')}>
        {(id) => (
          <select id={id} value={s.quality} onChange={(e) => void s.setQuality(e.target.value as QualityPreset)}>
            {(Object.keys(QUALITY_PRESETS) as QualityPreset[]).map((key) => (
              <option key={key} value={key}>
                {qualityText(key)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset aria-labelledby={processingId}>
        <legend id={processingId}>{t('media.processing')}</legend>
        {(Object.keys(PROCESSING_LABELS) as (keyof AudioProcessing)[]).map((key) => (
          <label key={key} className="check">
            <input type="checkbox" checked={s.processing[key]} onChange={(e) => void s.setProcessing({ ...s.processing, [key]: e.target.checked })} />
            {t(PROCESSING_LABELS[key])}
          </label>
        ))}
        <label className="check check--nested">
          <input type="checkbox" checked={s.neuralNoiseSuppression && s.processing.noiseSuppression} disabled={!s.processing.noiseSuppression} onChange={(e) => void s.setNeuralNoiseSuppression(e.target.checked)} />
          {t('media.processing.neural')}
        </label>
        <button
          type="button"
          className="button button--small"
          aria-pressed={isMusicMode(s.processing)}
          onClick={() => void s.setProcessing(isMusicMode(s.processing) ? SPEECH_PROCESSING : MUSIC_MODE)}
        >
          {t('media.musicMode')}
        </button>
      </fieldset>
      <EffectSettings />
      <FoldedSection className="media-info" summary={t('media.info.summary')} part={mediaInfo} />
    </div>
  );
}
