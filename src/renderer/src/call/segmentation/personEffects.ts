/**
 * The page's side of the effects that find the person (segmentation.worker.ts does the work):
 * the camera's frames go to a worker as a stream (insertable streams: MediaStreamTrackProcessor),
 * and the composed frames come back as a new track (MediaStreamTrackGenerator), which is what the
 * others receive. The page's main thread touches no pixels.
 */
import { BUILT_IN_BACKGROUNDS, type BackgroundChoice } from './backgrounds';
import type { BackgroundPicture, FromSegmentation, PersonEffect, SegmentationFigures, ToSegmentation } from './messages';

/** Chromium's insertable streams for video (the desktop app, Chrome, Edge); not in Firefox or Safari's pages. */
interface TrackProcessor {
  readonly readable: ReadableStream<VideoFrame>;
}
interface TrackGenerator extends MediaStreamTrack {
  readonly writable: WritableStream<VideoFrame>;
}
type InsertableStreams = typeof globalThis & {
  MediaStreamTrackProcessor?: new (init: { track: MediaStreamTrack }) => TrackProcessor;
  MediaStreamTrackGenerator?: new (init: { kind: 'video' }) => TrackGenerator;
};

/** Whether this browser can run the person effects (the interface offers them only then). */
export function personEffectsSupported(scope: InsertableStreams = globalThis): boolean {
  return ['MediaStreamTrackProcessor', 'MediaStreamTrackGenerator', 'OffscreenCanvas', 'Worker'].every((name) => typeof (scope as unknown as Record<string, unknown>)[name] === 'function');
}

export interface PersonEffectEvents {
  /** The model could not start; the picture goes out blurred all over instead. */
  onFailed(reason: string): void;
  onFigures?(figures: SegmentationFigures): void;
}

export interface BackgroundSetting {
  choice: BackgroundChoice;
  /** The user's own picture (a JPEG), when they chose one. */
  own: Blob | null;
}

/** One of ours: the one chosen, or, for the user's own picture until it is decoded (or if none is kept), the first. */
function builtInFor({ choice }: BackgroundSetting): BackgroundPicture {
  return { kind: 'built-in', name: choice === 'own' ? BUILT_IN_BACKGROUNDS[0] : choice };
}

/** What the worker paints behind the person. The user's picture, decoded here (workers may decode too, but this keeps the worker to one job). */
async function pictureOf(setting: BackgroundSetting): Promise<BackgroundPicture> {
  if (setting.choice === 'own' && setting.own) return { kind: 'own', bitmap: await createImageBitmap(setting.own) };
  return builtInFor(setting);
}

export class PersonEffects {
  readonly output: MediaStreamTrack;
  private readonly worker: Worker;
  private stopped = false;

  constructor(input: MediaStreamTrack, effect: PersonEffect, background: BackgroundSetting, events: PersonEffectEvents) {
    const scope = globalThis as InsertableStreams;
    const processor = new scope.MediaStreamTrackProcessor!({ track: input });
    const generator = new scope.MediaStreamTrackGenerator!({ kind: 'video' });
    this.output = generator;
    this.worker = new Worker(new URL('./segmentation.worker.ts', import.meta.url), { type: 'module', name: 'parley-segmentation' });
    this.worker.onmessage = ({ data }: MessageEvent<FromSegmentation>) => {
      if (data.type === 'failed') events.onFailed(data.reason);
      else if (data.type === 'figures') events.onFigures?.({ framesPerSecond: data.framesPerSecond, msPerFrame: data.msPerFrame });
    };
    this.worker.onerror = (event) => events.onFailed(event.message || 'The segmentation worker did not start');
    const start: ToSegmentation = {
      type: 'start',
      frames: processor.readable,
      output: generator.writable,
      effect,
      background: builtInFor(background),
    };
    this.worker.postMessage(start, [processor.readable, generator.writable]);
    // The user's own picture arrives a moment later: the model takes longer to load, and until it
    // runs the frames go out blurred all over, so the placeholder is never seen.
    if (background.choice === 'own') this.setBackground(background);
  }

  setBackground(setting: BackgroundSetting): void {
    void pictureOf(setting).then((background) => {
      if (this.stopped) return;
      const message: ToSegmentation = { type: 'background', background };
      this.worker.postMessage(message, background.kind === 'own' ? [background.bitmap] : []);
    });
  }

  stop(): void {
    this.stopped = true;
    this.output.stop();
    this.worker.terminate();
  }
}
