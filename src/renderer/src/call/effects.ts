/**
 * Visual effects applied to the video we send, so everyone sees them (not a CSS class on our own
 * preview). Two find the person and leave them as they are (segmentation/): the background
 * blurred, or replaced. The others act on the whole picture: the camera's frames are drawn
 * through a canvas with a CSS filter, and the canvas's captured track is what goes out.
 */
import { PERSON_EFFECTS, type PersonEffect } from './segmentation/messages';
import { PersonEffects, personEffectsSupported, type BackgroundSetting, type PersonEffectEvents } from './segmentation/personEffects';

export const VIDEO_EFFECTS = ['none', 'background-blur', 'background-image', 'blur', 'grayscale', 'invert', 'sepia'] as const;
export type VideoEffect = (typeof VIDEO_EFFECTS)[number];

export function isPersonEffect(effect: VideoEffect): effect is PersonEffect {
  return (PERSON_EFFECTS as readonly string[]).includes(effect);
}

const FILTERS: Record<Exclude<VideoEffect, 'none' | PersonEffect>, string> = {
  blur: 'blur(8px)',
  grayscale: 'grayscale(1)',
  invert: 'invert(1)',
  sepia: 'sepia(1)',
};

export class EffectPipeline {
  private teardown: (() => void) | undefined;
  private person: PersonEffects | undefined;

  constructor(private readonly events: PersonEffectEvents) {}

  /** Returns the track to send: the input itself for 'none', otherwise a processed copy. */
  apply(input: MediaStreamTrack | null, chosen: VideoEffect, background: BackgroundSetting): MediaStreamTrack | null {
    this.stop();
    if (!input || chosen === 'none') return input;
    if (isPersonEffect(chosen) && personEffectsSupported()) {
      const person = new PersonEffects(input, chosen, background, this.events);
      this.person = person;
      this.teardown = () => person.stop();
      return person.output;
    }
    // A browser without insertable streams gets the nearest it can do: the whole picture blurred.
    const effect = isPersonEffect(chosen) ? 'blur' : chosen;

    const { width = 640, height = 480, frameRate = 15 } = input.getSettings();
    const source = document.createElement('video');
    source.muted = true;
    source.playsInline = true;
    source.srcObject = new MediaStream([input]);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return input;
    const output = canvas.captureStream(frameRate).getVideoTracks()[0];
    if (!output) return input;

    let running = true;
    const draw = (): void => {
      if (!running) return;
      if (source.videoWidth && (canvas.width !== source.videoWidth || canvas.height !== source.videoHeight)) {
        canvas.width = source.videoWidth;
        canvas.height = source.videoHeight;
      }
      context.filter = FILTERS[effect];
      context.drawImage(source, 0, 0, canvas.width, canvas.height);
      source.requestVideoFrameCallback(draw);
    };
    source.requestVideoFrameCallback(draw);
    void source.play().catch(() => undefined);

    this.teardown = () => {
      running = false;
      output.stop();
      source.srcObject = null;
    };
    return output;
  }

  /** A new background for a running 'background-image', without restarting the model. */
  setBackground(background: BackgroundSetting): void {
    this.person?.setBackground(background);
  }

  stop(): void {
    this.teardown?.();
    this.teardown = undefined;
    this.person = undefined;
  }
}
