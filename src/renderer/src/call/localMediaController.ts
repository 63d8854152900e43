/**
 * Owns our camera and microphone tracks and everything done to them: switching devices, quality,
 * audio processing, effects, mute and camera off. It emits `changed` whenever the tracks to send
 * or to preview change; the store passes them on to the call, which swaps them in without
 * renegotiating.
 */
import { chooseDevice, labelOf, listDevices, type DeviceLists } from './devices';
import { EffectPipeline, isPersonEffect, type VideoEffect } from './effects';
import type { BackgroundChoice } from './segmentation/backgrounds';
import type { SegmentationFigures } from './segmentation/messages';
import type { NoiseSuppressor } from './noiseSuppression';
import { Emitter } from './emitter';
import { classifyMediaError, openLocalMedia, type MediaProblem } from './localMedia';
import { audioConstraints, videoConstraints, type AudioProcessing, type QualityPreset } from './mediaSettings';
import type { LocalTracks } from './channels';
import type { Message } from '../../../shared/i18n/catalogs';

export interface MediaPreferences {
  cameraId: string | null;
  microphoneId: string | null;
  quality: QualityPreset;
  processing: AudioProcessing;
  /** RNNoise on the microphone we send (call/noiseSuppression.ts), while noise suppression is on. */
  neuralNoiseSuppression: boolean;
  effect: VideoEffect;
  /** Behind the person with 'background-image'. */
  background: BackgroundChoice;
  /** The user's own background picture (a JPEG), if they chose one. */
  ownBackground: Blob | null;
}

type ControllerEvents = {
  changed: () => void;
  /** Something the user should read (a device vanished and we switched, a device failed), worded by the UI. */
  notice: (message: Message) => void;
  /** How the person effect keeps up, once a second while it runs; null when none runs. */
  effectFigures: (figures: SegmentationFigures | null) => void;
};

export class LocalMediaController extends Emitter<ControllerEvents> {
  private camera: MediaStreamTrack | null = null;
  private microphone: MediaStreamTrack | null = null;
  private processedVideo: MediaStreamTrack | null = null;
  /** The microphone through the neural suppressor, once it runs; until then the microphone itself. */
  private processedAudio: MediaStreamTrack | null = null;
  private denoiser: NoiseSuppressor | null = null;
  /** The latest `denoise` call while the suppressor's code is on its way: an older one gives way. */
  private loadingDenoiser: object | null = null;
  private readonly effects = new EffectPipeline({
    onFailed: (reason) => this.emit('notice', { key: 'notices.backgroundEffectFailed', values: { detail: reason } }),
    onFigures: (figures) => this.emit('effectFigures', figures),
  });
  private muted = false;
  private cameraOff = false;
  problem: MediaProblem | null = null;

  constructor(
    private prefs: MediaPreferences,
    private readonly mediaDevices: MediaDevices | undefined = globalThis.navigator?.mediaDevices,
  ) {
    super();
  }

  /**
   * Opens both devices with one request (one permission prompt), preferring the remembered ones,
   * and returns the device lists as they are once permission is known.
   */
  async open(): Promise<DeviceLists> {
    const { stream, problem } = await openLocalMedia(this.mediaDevices, {
      audio: audioConstraints(this.prefs.processing, this.prefs.microphoneId, 'ideal'),
      video: videoConstraints(this.prefs.quality, this.prefs.cameraId, 'ideal'),
    });
    this.problem = problem;
    this.replaceCamera(stream?.getVideoTracks()[0] ?? null);
    this.replaceMicrophone(stream?.getAudioTracks()[0] ?? null);
    // Only now, with permission, do device lists carry ids to check the remembered choices against.
    const devices = await listDevices(this.mediaDevices);
    if (this.camera && chooseDevice(devices.cameras, this.prefs.cameraId).fellBack) {
      this.emit('notice', { key: 'notices.cameraFellBack' });
    }
    if (this.microphone && chooseDevice(devices.microphones, this.prefs.microphoneId).fellBack) {
      this.emit('notice', { key: 'notices.microphoneFellBack' });
    }
    this.emit('changed');
    return devices;
  }

  /** What goes to the other participants. */
  get outgoing(): LocalTracks {
    return { audio: this.processedAudio ?? this.microphone, video: this.cameraOff ? null : this.processedVideo };
  }

  get microphoneTrack(): MediaStreamTrack | null {
    return this.microphone;
  }

  get state(): { audioMuted: boolean; videoOff: boolean } {
    return { audioMuted: this.muted || !this.microphone, videoOff: this.cameraOff || !this.camera };
  }

  /** What the tracks really deliver, for the media info panel. */
  settings(): { video: MediaTrackSettings | null; audio: MediaTrackSettings | null } {
    return { video: this.camera?.getSettings() ?? null, audio: this.microphone?.getSettings() ?? null };
  }

  async useCamera(deviceId: string | null): Promise<void> {
    this.prefs = { ...this.prefs, cameraId: deviceId };
    if (this.cameraOff) return;
    const track = await this.openTrack('video', videoConstraints(this.prefs.quality, deviceId));
    if (track) this.replaceCamera(track);
    this.emit('changed');
  }

  async useMicrophone(deviceId: string | null): Promise<void> {
    this.prefs = { ...this.prefs, microphoneId: deviceId };
    const track = await this.openTrack('audio', audioConstraints(this.prefs.processing, deviceId));
    if (track) this.replaceMicrophone(track);
    this.emit('changed');
  }

  async setQuality(quality: QualityPreset): Promise<void> {
    this.prefs = { ...this.prefs, quality };
    const { deviceId: _device, ...constraints } = videoConstraints(quality, null);
    await this.camera?.applyConstraints(constraints).catch(() => this.emit('notice', { key: 'notices.qualityUnavailable' }));
    this.emit('changed');
  }

  /**
   * Applies processing to the live microphone where the browser allows it; where it does not
   * (Chromium fixes processing when the track opens) the microphone is reopened with the new
   * settings and swapped in, which the others do not notice.
   */
  async setProcessing(processing: AudioProcessing): Promise<void> {
    const suppressing = this.suppressesNeurally();
    this.prefs = { ...this.prefs, processing };
    if (this.suppressesNeurally() !== suppressing) void this.denoise();
    const microphone = this.microphone;
    if (!microphone) return this.emit('changed');
    await microphone.applyConstraints(processing).catch(() => undefined);
    const settings = microphone.getSettings();
    const applied = (Object.keys(processing) as (keyof AudioProcessing)[]).every((key) => settings[key] === processing[key]);
    if (!applied) {
      const track = await this.openTrack('audio', audioConstraints(processing, settings.deviceId ?? this.prefs.microphoneId));
      if (track) this.replaceMicrophone(track);
    }
    this.emit('changed');
  }

  /** Neural suppression on or off; it applies while noise suppression is on (not in music mode). */
  setNeuralNoiseSuppression(on: boolean): Promise<void> {
    this.prefs = { ...this.prefs, neuralNoiseSuppression: on };
    return this.denoise();
  }

  /** Whether the microphone we send goes through the neural suppressor now (false while it loads). */
  get neurallySuppressed(): boolean {
    return this.processedAudio !== null;
  }

  setEffect(effect: VideoEffect): void {
    this.prefs = { ...this.prefs, effect };
    this.applyEffect();
    this.emit('changed');
  }

  /** A new background shows at once, on the running effect: the model is not loaded again. */
  setBackground(background: BackgroundChoice, ownBackground: Blob | null): void {
    this.prefs = { ...this.prefs, background, ownBackground };
    this.effects.setBackground({ choice: background, own: ownBackground });
  }

  private applyEffect(): void {
    const { effect, background, ownBackground } = this.prefs;
    this.processedVideo = this.effects.apply(this.camera, effect, { choice: background, own: ownBackground });
    if (!this.processedVideo || !isPersonEffect(effect)) this.emit('effectFigures', null);
  }

  /** Muting sends silence on the same track: nothing is renegotiated and unmuting is instant. */
  setMuted(muted: boolean): void {
    this.muted = muted;
    if (this.microphone) this.microphone.enabled = !muted;
    this.emit('changed');
  }

  /** Camera off releases the camera (its light goes out); on opens it again. */
  async setCameraOff(off: boolean): Promise<void> {
    this.cameraOff = off;
    if (off) this.replaceCamera(null);
    else if (!this.camera) {
      const track = await this.openTrack('video', videoConstraints(this.prefs.quality, this.prefs.cameraId));
      this.replaceCamera(track);
    }
    this.emit('changed');
  }

  /** After a device was plugged or unplugged: if ours vanished, fall back to the default and say so. */
  async devicesChanged(): Promise<DeviceLists> {
    const devices = await listDevices(this.mediaDevices);
    const cameraGone = this.camera && this.camera.readyState === 'ended';
    const cameraId = this.camera?.getSettings().deviceId;
    if (this.camera && (cameraGone || (cameraId && !devices.cameras.some((d) => d.deviceId === cameraId)))) {
      this.emit('notice', { key: 'notices.cameraDisconnected' });
      await this.useCamera(null);
    }
    const microphoneId = this.microphone?.getSettings().deviceId;
    if (this.microphone && (this.microphone.readyState === 'ended' || (microphoneId && !devices.microphones.some((d) => d.deviceId === microphoneId)))) {
      this.emit('notice', { key: 'notices.microphoneDisconnected' });
      await this.useMicrophone(null);
    }
    return devices;
  }

  currentDeviceLabel(devices: DeviceLists, kind: 'camera' | 'microphone'): string | undefined {
    const track = kind === 'camera' ? this.camera : this.microphone;
    return labelOf(kind === 'camera' ? devices.cameras : devices.microphones, track?.getSettings().deviceId);
  }

  stop(): void {
    this.replaceCamera(null);
    this.replaceMicrophone(null);
  }

  private async openTrack(kind: 'audio' | 'video', constraints: MediaTrackConstraints): Promise<MediaStreamTrack | null> {
    if (!this.mediaDevices?.getUserMedia) return null;
    try {
      const stream = await this.mediaDevices.getUserMedia(kind === 'audio' ? { audio: constraints } : { video: constraints });
      return (kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks())[0] ?? null;
    } catch (error) {
      // The problem's code (`in-use`, `denied`…) goes along as a technical detail.
      const problem = classifyMediaError(error);
      this.emit('notice', { key: kind === 'audio' ? 'notices.microphoneOpenFailed' : 'notices.cameraOpenFailed', values: { problem } });
      return null;
    }
  }

  private replaceCamera(track: MediaStreamTrack | null): void {
    if (this.camera !== track) this.camera?.stop();
    this.camera = track;
    if (track) track.onended = () => void this.devicesChanged();
    this.applyEffect();
  }

  private replaceMicrophone(track: MediaStreamTrack | null): void {
    const changed = this.microphone !== track;
    if (changed) this.microphone?.stop();
    this.microphone = track;
    if (track) {
      track.enabled = !this.muted;
      track.onended = () => void this.devicesChanged();
    }
    if (changed) void this.denoise();
  }

  private suppressesNeurally(): boolean {
    return this.prefs.neuralNoiseSuppression && this.prefs.processing.noiseSuppression;
  }

  /**
   * Puts the current microphone through a new suppressor (or none). The raw microphone is sent
   * meanwhile (the model loads in a fraction of a second); `changed` follows once the denoised
   * track is ready. A newer call wins over one still loading. If the model cannot run, the
   * microphone goes out as it is and the user is told.
   */
  private async denoise(): Promise<void> {
    this.denoiser?.stop();
    this.denoiser = null;
    this.loadingDenoiser = null;
    const hadProcessed = this.processedAudio !== null;
    this.processedAudio = null;
    const microphone = this.microphone;
    if (!microphone || !this.suppressesNeurally()) {
      if (hadProcessed) this.emit('changed');
      return;
    }
    // The suppressor's code is fetched when first used (it is not needed for the first paint).
    const pending = {};
    this.loadingDenoiser = pending;
    let denoiser: NoiseSuppressor | undefined;
    try {
      const { NoiseSuppressor } = await import('./noiseSuppression');
      if (this.loadingDenoiser !== pending) return; // a newer call took over meanwhile
      denoiser = new NoiseSuppressor();
      this.denoiser = denoiser;
      const track = await denoiser.apply(microphone);
      if (this.denoiser !== denoiser) return denoiser.stop();
      this.processedAudio = track;
    } catch (error) {
      if (this.loadingDenoiser !== pending || (denoiser && this.denoiser !== denoiser)) return;
      this.denoiser = null;
      this.emit('notice', { key: 'notices.noiseSuppressionFailed', values: { detail: error instanceof Error ? error.message : String(error) } });
    }
    this.emit('changed');
  }
}
