/** Video quality presets and audio processing options, and the constraints they translate to. */

export const QUALITY_PRESETS = {
  /** The original demo's default, and gentle on a mesh's uplinks. */
  standard: { width: 640, height: 480, frameRate: 15 },
  hd: { width: 1280, height: 720, frameRate: 30 },
} as const;
export type QualityPreset = keyof typeof QUALITY_PRESETS;

export interface AudioProcessing {
  echoCancellation: boolean;
  noiseSuppression: boolean;
  autoGainControl: boolean;
}

export const SPEECH_PROCESSING: AudioProcessing = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
/** For instruments and singing: every stage that would treat music as noise is off. */
export const MUSIC_MODE: AudioProcessing = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };

/**
 * 'exact' when the user picks a device (fail rather than silently use another); 'ideal' for a
 * remembered one at start-up, which may have been unplugged since.
 */
export type DeviceMatch = 'exact' | 'ideal';

const deviceConstraint = (deviceId: string | null, match: DeviceMatch) => (deviceId ? { deviceId: { [match]: deviceId } } : {});

export function videoConstraints(quality: QualityPreset, deviceId: string | null, match: DeviceMatch = 'exact'): MediaTrackConstraints {
  const preset = QUALITY_PRESETS[quality];
  return {
    width: { ideal: preset.width },
    height: { ideal: preset.height },
    frameRate: { ideal: preset.frameRate },
    ...deviceConstraint(deviceId, match),
  };
}

export function audioConstraints(processing: AudioProcessing, deviceId: string | null, match: DeviceMatch = 'exact'): MediaTrackConstraints {
  return { ...processing, ...deviceConstraint(deviceId, match) };
}

export function isMusicMode(processing: AudioProcessing): boolean {
  return !processing.echoCancellation && !processing.noiseSuppression && !processing.autoGainControl;
}
