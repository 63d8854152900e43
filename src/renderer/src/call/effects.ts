/**
 * Visual effects applied to the video we send, so everyone sees them (not a CSS class on our own
 * preview). The camera's frames are drawn through a canvas with a CSS filter, and the canvas's
 * captured track is what goes out.
 */
export const VIDEO_EFFECTS = ['none', 'blur', 'grayscale', 'invert', 'sepia'] as const;
export type VideoEffect = (typeof VIDEO_EFFECTS)[number];

const FILTERS: Record<Exclude<VideoEffect, 'none'>, string> = {
  blur: 'blur(8px)',
  grayscale: 'grayscale(1)',
  invert: 'invert(1)',
  sepia: 'sepia(1)',
};

export class EffectPipeline {
  private teardown: (() => void) | undefined;

  /** Returns the track to send: the input itself for 'none', otherwise a processed copy. */
  apply(input: MediaStreamTrack | null, effect: VideoEffect): MediaStreamTrack | null {
    this.stop();
    if (!input || effect === 'none') return input;

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

  stop(): void {
    this.teardown?.();
    this.teardown = undefined;
  }
}
