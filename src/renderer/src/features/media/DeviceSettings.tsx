import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeviceOption } from '../../call/devices';
import { VIDEO_EFFECTS, type VideoEffect } from '../../call/effects';
import { isMusicMode, MUSIC_MODE, QUALITY_PRESETS, SPEECH_PROCESSING, type AudioProcessing, type QualityPreset } from '../../call/mediaSettings';
import { useParley } from '../../store';
import { Field } from '../ui/Field';
import { MediaInfo } from './MediaInfo';
import { MicLevel } from './MicLevel';

const DEFAULT = '';

function DevicePicker({ label, devices, value, onChange }: { label: string; devices: DeviceOption[]; value: string | null; onChange: (id: string | null) => void }) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value ?? DEFAULT} onChange={(e) => onChange(e.target.value || null)} disabled={devices.length === 0}>
          <option value={DEFAULT}>System default</option>
          {devices.map((device) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const PROCESSING_LABELS: Record<keyof AudioProcessing, string> = {
  noiseSuppression: 'Noise suppression',
  echoCancellation: 'Echo cancellation',
  autoGainControl: 'Automatic gain',
};

const EFFECT_LABELS: Record<VideoEffect, string> = { none: 'None', blur: 'Blur', grayscale: 'Grayscale', invert: 'Invert', sepia: 'Sepia' };

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
      effect: state.effect,
      microphoneTrack: state.microphoneTrack,
      selectCamera: state.selectCamera,
      selectMicrophone: state.selectMicrophone,
      selectSpeaker: state.selectSpeaker,
      setQuality: state.setQuality,
      setProcessing: state.setProcessing,
      setEffect: state.setEffect,
    })),
  );
  const processingId = useId();

  return (
    <div className="device-settings">
      <DevicePicker label="Camera" devices={s.devices.cameras} value={s.cameraId} onChange={(id) => void s.selectCamera(id)} />
      <DevicePicker label="Microphone" devices={s.devices.microphones} value={s.microphoneId} onChange={(id) => void s.selectMicrophone(id)} />
      <MicLevel track={s.microphoneTrack} />
      <DevicePicker label="Speaker" devices={s.devices.speakers} value={s.speakerId} onChange={s.selectSpeaker} />
      <Field label="Video quality">
        {(id) => (
          <select id={id} value={s.quality} onChange={(e) => void s.setQuality(e.target.value as QualityPreset)}>
            {(Object.keys(QUALITY_PRESETS) as QualityPreset[]).map((key) => (
              <option key={key} value={key}>
                {QUALITY_PRESETS[key].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset aria-labelledby={processingId}>
        <legend id={processingId}>Audio processing</legend>
        {(Object.keys(PROCESSING_LABELS) as (keyof AudioProcessing)[]).map((key) => (
          <label key={key} className="check">
            <input type="checkbox" checked={s.processing[key]} onChange={(e) => void s.setProcessing({ ...s.processing, [key]: e.target.checked })} />
            {PROCESSING_LABELS[key]}
          </label>
        ))}
        <button
          type="button"
          className="button button--small"
          aria-pressed={isMusicMode(s.processing)}
          onClick={() => void s.setProcessing(isMusicMode(s.processing) ? SPEECH_PROCESSING : MUSIC_MODE)}
        >
          Music mode
        </button>
      </fieldset>
      <Field label="Effect">
        {(id) => (
          <select id={id} value={s.effect} onChange={(e) => s.setEffect(e.target.value as VideoEffect)}>
            {VIDEO_EFFECTS.map((effect) => (
              <option key={effect} value={effect}>
                {EFFECT_LABELS[effect]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <MediaInfo />
    </div>
  );
}
