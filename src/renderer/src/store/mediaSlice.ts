/**
 * Our own camera, microphone and speaker as the UI sees them. The LocalMediaController does the
 * work; this slice mirrors its state, keeps the user's choices (persisted), follows device
 * changes, and hands every change of outgoing tracks to the call.
 */
import type { StateCreator } from 'zustand';
import { EMPTY_DEVICE_LISTS, type DeviceLists } from '../call/devices';
import type { VideoEffect } from '../call/effects';
import type { BackgroundChoice } from '../call/segmentation/backgrounds';
import type { SegmentationFigures } from '../call/segmentation/messages';
import type { MediaProblem } from '../call/localMedia';
import { LocalMediaController } from '../call/localMediaController';
import { SPEECH_PROCESSING, type AudioProcessing, type QualityPreset } from '../call/mediaSettings';
import type { LocalTracks } from '../call/channels';
import type { Message, MessageKey, MessageValues } from '../../../shared/i18n/catalogs';
import type { MediaState } from '../../../shared/peerMessages';
import { platform } from '../platform';
import { loadOwnBackground, ownBackgroundKept, OwnBackgroundError, prepareOwnBackground, saveOwnBackground } from './ownBackground';
import type { ParleyState } from './index';

export interface MediaSlice {
  /** Remembered between runs. */
  cameraId: string | null;
  microphoneId: string | null;
  speakerId: string | null;
  quality: QualityPreset;
  processing: AudioProcessing;
  /** Neural noise suppression on the microphone we send (while noise suppression is on). */
  neuralNoiseSuppression: boolean;
  effect: VideoEffect;
  /** Behind the person with the 'background-image' effect. */
  background: BackgroundChoice;
  /** Live. */
  /** Whether a picture of the user's own is kept (the picture itself lives in ownBackground.ts's storage). */
  hasOwnBackground: boolean;
  /** How the background effect keeps up with the camera, while it runs. */
  effectFigures: SegmentationFigures | null;
  devices: DeviceLists;
  previewStream: MediaStream | null;
  microphoneTrack: MediaStreamTrack | null;
  mediaInfo: { video: MediaTrackSettings | null; audio: MediaTrackSettings | null };
  mediaProblem: MediaProblem | null;
  /** A passing message for the user, kept as its key and values and worded when shown. */
  notice: Message | null;
  mediaStatus: 'idle' | 'opening' | 'ready';
  muted: boolean;
  cameraOff: boolean;

  /** Opens the devices if not already done; resolves when they are open (or known missing). */
  openMedia(): Promise<void>;
  selectCamera(deviceId: string | null): Promise<void>;
  selectMicrophone(deviceId: string | null): Promise<void>;
  selectSpeaker(deviceId: string | null): void;
  setQuality(quality: QualityPreset): Promise<void>;
  setProcessing(processing: AudioProcessing): Promise<void>;
  setNeuralNoiseSuppression(on: boolean): Promise<void>;
  setEffect(effect: VideoEffect): void;
  setBackground(background: BackgroundChoice): void;
  /** Makes a picture file the background (scaled down and kept); a notice says why when it cannot. */
  chooseOwnBackground(file: Blob): Promise<void>;
  toggleMute(): void;
  toggleCamera(): Promise<void>;
  /** A passing message for the user: a device change, a saved file. */
  showNotice(key: MessageKey, values?: MessageValues): void;
  dismissNotice(): void;
  /** Opens the devices again, e.g. after the user allowed access in the system settings. */
  retryMedia(): Promise<void>;
}

export const PERSISTED_MEDIA = ['cameraId', 'microphoneId', 'speakerId', 'quality', 'processing', 'neuralNoiseSuppression', 'effect', 'background'] as const;

let controller: LocalMediaController | undefined;
let removeDeviceListener: (() => void) | undefined;
let opening: Promise<void> | undefined;
/** The user's own background picture, read from storage (and decoded) the first time it is needed. */
let ownBackground: Blob | null | undefined;
const ownBackgroundNow = (): Blob | null => (ownBackground ??= loadOwnBackground());

/** What a call starting now should send, and the state to announce. */
export function currentLocalMedia(): { tracks: LocalTracks; state: MediaState } {
  return controller
    ? { tracks: controller.outgoing, state: controller.state }
    : { tracks: { audio: null, video: null }, state: { audioMuted: true, videoOff: true } };
}

export const createMediaSlice: StateCreator<ParleyState, [], [], MediaSlice> = (set, get) => {
  /** Mirrors the controller into state and passes outgoing tracks on to the call. */
  const sync = (): void => {
    if (!controller) return;
    const { video } = controller.outgoing;
    const current = get().previewStream;
    const previewChanged = (current?.getVideoTracks()[0] ?? null) !== video;
    set({
      previewStream: previewChanged ? (video ? new MediaStream([video]) : null) : current,
      microphoneTrack: controller.microphoneTrack,
      mediaInfo: controller.settings(),
      mediaProblem: controller.problem,
    });
    get().publishLocalMedia();
  };

  const checkSpeaker = (devices: DeviceLists): void => {
    const { speakerId } = get();
    if (speakerId && !devices.speakers.some((d) => d.deviceId === speakerId)) {
      set({ speakerId: null, notice: { key: 'notices.speakerDisconnected' } });
    }
  };

  return {
    cameraId: null,
    microphoneId: null,
    speakerId: null,
    quality: 'standard',
    processing: SPEECH_PROCESSING,
    neuralNoiseSuppression: false,
    effect: 'none',
    background: 'dawn',
    hasOwnBackground: ownBackgroundKept(),
    effectFigures: null,
    devices: EMPTY_DEVICE_LISTS,
    previewStream: null,
    microphoneTrack: null,
    mediaInfo: { video: null, audio: null },
    mediaProblem: null,
    notice: null,
    mediaStatus: 'idle',
    muted: false,
    cameraOff: false,

    openMedia: () => {
      // Opening twice would ask for the devices twice; a status back at 'idle' means open again.
      if (get().mediaStatus !== 'idle' && opening) return opening;
      set({ mediaStatus: 'opening' });
      controller?.stop();
      const { cameraId, microphoneId, quality, processing, neuralNoiseSuppression, effect, background } = get();
      const created = new LocalMediaController({ cameraId, microphoneId, quality, processing, neuralNoiseSuppression, effect, background, ownBackground: ownBackgroundNow() });
      controller = created;
      created.on('changed', sync);
      created.on('notice', (notice) => set({ notice }));
      created.on('effectFigures', (effectFigures) => {
        if (controller === created) set({ effectFigures });
      });
      // On macOS the system asks once per app; ask before the browser-level request.
      const osAccess = platform().mediaAccess;
      const asked = osAccess
        ? Promise.all([osAccess.request('camera'), osAccess.request('microphone')]).catch(() => undefined)
        : Promise.resolve();
      opening = asked.then(() => created.open()).then((devices) => {
        set({ devices, mediaStatus: 'ready' });
        checkSpeaker(devices);
        sync();
      });
      // One listener for the current controller: the previous one's goes with it.
      const mediaDevices = globalThis.navigator?.mediaDevices;
      if (removeDeviceListener) removeDeviceListener();
      const onDeviceChange = (): void => {
        if (controller !== created) return;
        void created.devicesChanged().then((devices) => {
          set({ devices });
          checkSpeaker(devices);
        });
      };
      mediaDevices?.addEventListener?.('devicechange', onDeviceChange);
      removeDeviceListener = () => mediaDevices?.removeEventListener?.('devicechange', onDeviceChange);
      return opening;
    },

    selectCamera: async (cameraId) => {
      set({ cameraId });
      await controller?.useCamera(cameraId);
    },
    selectMicrophone: async (microphoneId) => {
      set({ microphoneId });
      await controller?.useMicrophone(microphoneId);
    },
    selectSpeaker: (speakerId) => set({ speakerId }),
    setQuality: async (quality) => {
      set({ quality });
      await controller?.setQuality(quality);
    },
    setProcessing: async (processing) => {
      set({ processing });
      await controller?.setProcessing(processing);
    },
    setNeuralNoiseSuppression: async (on) => {
      set({ neuralNoiseSuppression: on });
      await controller?.setNeuralNoiseSuppression(on);
    },
    setEffect: (effect) => {
      set({ effect });
      controller?.setEffect(effect);
    },
    setBackground: (background) => {
      set({ background });
      controller?.setBackground(background, ownBackgroundNow());
    },
    chooseOwnBackground: async (file) => {
      try {
        const { blob, dataUrl } = await prepareOwnBackground(file);
        ownBackground = blob;
        const kept = saveOwnBackground(dataUrl);
        set({ hasOwnBackground: true, ...(kept ? {} : { notice: { key: 'notices.backgroundNotKept' } }) });
        get().setBackground('own');
      } catch (error) {
        const problem = error instanceof OwnBackgroundError ? error.problem : 'unreadable';
        set({ notice: { key: problem === 'too-large' ? 'notices.backgroundTooLarge' : 'notices.backgroundUnreadable' } });
      }
    },
    toggleMute: () => {
      const muted = !get().muted;
      set({ muted });
      controller?.setMuted(muted);
    },
    toggleCamera: async () => {
      const cameraOff = !get().cameraOff;
      set({ cameraOff });
      await controller?.setCameraOff(cameraOff);
    },
    showNotice: (key, values) => set({ notice: values ? { key, values } : { key } }),
    dismissNotice: () => set({ notice: null }),
    retryMedia: () => {
      set({ mediaStatus: 'idle', muted: false, cameraOff: false });
      return get().openMedia();
    },
  };
};
