/**
 * Finds the person in each camera frame and composes the frame the others see: the person as the
 * camera saw them, over a blurred copy of the room or over a background. Runs in a worker so the
 * page's main thread (the interface, the call's signaling) never waits for it.
 *
 * The model is MediaPipe's selfie segmentation (landscape, 256×144), run by MediaPipe's
 * tasks-vision ImageSegmenter on the CPU (XNNPACK): this needs no GPU, which many of the machines
 * Parley runs on (and the test machines) do not offer to a worker. The model file comes from
 * @twilio/video-processors' tarball, the one npm package that ships it with the metadata
 * tasks-vision needs; tasks-vision's wasm from its own. Both travel inside this worker's file as
 * base64 (vite/inlineBytes.ts): nothing is fetched, which the desktop app's file:// page could
 * not do.
 *
 * Until the model runs, and if it never does, every frame goes out blurred all over: choosing a
 * background effect must never show the room behind you, not even for the first half second.
 */
import ModuleFactory from '@mediapipe/tasks-vision/vision_wasm_module_internal.js';
import { ImageSegmenter } from '@mediapipe/tasks-vision';
import wasmBase64 from '@mediapipe/tasks-vision/vision_wasm_module_internal.wasm?bytes';
import modelBase64 from '@twilio/video-processors/dist/build/selfie_segmentation_landscape.tflite?bytes';
import { decodeBase64 } from '../decodeBase64';
import { paintBackground } from './backgrounds';
import type { BackgroundPicture, FromSegmentation, PersonEffect, ToSegmentation } from './messages';

/** The mask's size: the model sees 256×144, so a finer mask would only be interpolated. 4:3 here, like most cameras. */
const MASK_WIDTH = 256;
const MASK_HEIGHT = 192;
/** The blurred room is drawn at a quarter of the frame's size and stretched: cheaper, and softer. */
const BLUR_SCALE = 4;
const BLUR_FILTER = 'blur(3px)';
/** Where tasks-vision is told its wasm is; the fetch for it is answered from memory (see `loadSegmenter`). */
const WASM_ADDRESS = 'https://parley.invalid/vision_wasm_module_internal.wasm';

const post = (message: FromSegmentation): void => (self as unknown as Worker).postMessage(message);

let segmenter: ImageSegmenter | null = null;
let effect: PersonEffect = 'background-blur';
let background: BackgroundPicture = { kind: 'built-in', name: 'dawn' };
/** The background painted at the frame's size, redrawn when either changes. */
let backgroundCanvas: OffscreenCanvas | null = null;

/**
 * tasks-vision hands its wasm's address to Emscripten, which fetches it; there is no option to
 * pass the bytes. So, for the duration of the load only, that one address is answered from the
 * bytes this file carries. Every other request goes to the real fetch (there are none today).
 */
async function loadSegmenter(): Promise<ImageSegmenter> {
  const realFetch = self.fetch;
  const wasm = decodeBase64(wasmBase64);
  self.fetch = (input, init) =>
    String(input instanceof Request ? input.url : input) === WASM_ADDRESS
      ? Promise.resolve(new Response(wasm, { headers: { 'content-type': 'application/wasm' } }))
      : realFetch(input, init);
  const scope = self as unknown as { ModuleFactory?: unknown };
  try {
    // With no loader address, tasks-vision uses the factory already set on the global scope.
    scope.ModuleFactory = ModuleFactory;
    return await ImageSegmenter.createFromOptions(
      { wasmLoaderPath: '', wasmBinaryPath: WASM_ADDRESS },
      {
        baseOptions: { modelAssetBuffer: new Uint8Array(decodeBase64(modelBase64)), delegate: 'CPU' },
        runningMode: 'VIDEO',
        outputConfidenceMasks: true,
        outputCategoryMask: false,
      },
    );
  } finally {
    self.fetch = realFetch;
  }
}

function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: false });
  if (!context) throw new Error('This browser has no 2D canvas in workers');
  return context;
}

function paintedBackground(width: number, height: number): OffscreenCanvas {
  if (backgroundCanvas && backgroundCanvas.width === width && backgroundCanvas.height === height) return backgroundCanvas;
  const canvas = new OffscreenCanvas(width, height);
  const context = context2d(canvas);
  if (background.kind === 'built-in') paintBackground(background.name, context, width, height);
  else {
    // Cover: fill the frame, cropping the picture's overflow evenly, never stretching it.
    const { bitmap } = background;
    const scale = Math.max(width / bitmap.width, height / bitmap.height);
    const [drawnWidth, drawnHeight] = [bitmap.width * scale, bitmap.height * scale];
    context.drawImage(bitmap, (width - drawnWidth) / 2, (height - drawnHeight) / 2, drawnWidth, drawnHeight);
  }
  backgroundCanvas = canvas;
  return canvas;
}

/** The canvases a frame of this size is composed on, with their contexts, made once per size. */
interface Surfaces {
  composed: OffscreenCanvas;
  out: OffscreenCanvasRenderingContext2D;
  person: OffscreenCanvasRenderingContext2D;
  /** The room, small, through the blur filter (set once: it stays on the context). */
  blurred: OffscreenCanvasRenderingContext2D;
}

function surfacesFor(width: number, height: number): Surfaces {
  const composed = new OffscreenCanvas(width, height);
  const blurred = context2d(new OffscreenCanvas(Math.max(1, Math.round(width / BLUR_SCALE)), Math.max(1, Math.round(height / BLUR_SCALE))));
  blurred.filter = BLUR_FILTER;
  return { composed, out: context2d(composed), person: context2d(new OffscreenCanvas(width, height)), blurred };
}

/** Composes frames from `frames` into `output` until either ends. */
async function run(frames: ReadableStream<VideoFrame>, output: WritableStream<VideoFrame>): Promise<void> {
  const reader = frames.getReader();
  const writer = output.getWriter();
  const small = new OffscreenCanvas(MASK_WIDTH, MASK_HEIGHT);
  const smallContext = context2d(small);
  const mask = new OffscreenCanvas(MASK_WIDTH, MASK_HEIGHT);
  const maskContext = context2d(mask);
  const maskPixels = new ImageData(MASK_WIDTH, MASK_HEIGHT);
  let surfaces: Surfaces | null = null;
  const durations: number[] = [];
  let secondStarted = performance.now();

  for (;;) {
    const { value: frame, done } = await reader.read();
    if (done) return;
    const started = performance.now();
    const { displayWidth: width, displayHeight: height } = frame;
    if (!surfaces || surfaces.composed.width !== width || surfaces.composed.height !== height) surfaces = surfacesFor(width, height);
    const { composed, out, person, blurred } = surfaces;
    out.globalCompositeOperation = 'copy';
    if (segmenter && effect === 'background-image') out.drawImage(paintedBackground(width, height), 0, 0);
    else {
      blurred.drawImage(frame, 0, 0, blurred.canvas.width, blurred.canvas.height);
      out.drawImage(blurred.canvas, 0, 0, width, height);
    }
    if (segmenter) {
      smallContext.drawImage(frame, 0, 0, MASK_WIDTH, MASK_HEIGHT);
      const result = segmenter.segmentForVideo(small, started);
      const confidence = result.confidenceMasks?.[0]?.getAsFloat32Array();
      if (confidence) {
        for (let index = 0; index < confidence.length; index++) maskPixels.data[index * 4 + 3] = confidence[index]! * 255;
        maskContext.putImageData(maskPixels, 0, 0);
        // The person alone: the frame, kept only where the (smoothly stretched) mask says person.
        person.globalCompositeOperation = 'copy';
        person.drawImage(frame, 0, 0);
        person.globalCompositeOperation = 'destination-in';
        person.drawImage(mask, 0, 0, width, height);
        out.globalCompositeOperation = 'source-over';
        out.drawImage(person.canvas, 0, 0);
      }
      result.close();
    }
    const next = new VideoFrame(composed, { timestamp: frame.timestamp });
    frame.close();
    try {
      await writer.write(next);
    } catch {
      next.close();
      return; // The track we feed was stopped: the effect ended.
    }
    durations.push(performance.now() - started);
    if (performance.now() - secondStarted >= 1000) {
      const sorted = [...durations].sort((a, b) => a - b);
      post({ type: 'figures', framesPerSecond: (durations.length * 1000) / (performance.now() - secondStarted), msPerFrame: sorted[sorted.length >> 1]! });
      durations.length = 0;
      secondStarted = performance.now();
    }
  }
}

function setBackground(next: BackgroundPicture): void {
  if (background.kind === 'own' && background !== next) background.bitmap.close();
  background = next;
  backgroundCanvas = null;
}

self.onmessage = ({ data }: MessageEvent<ToSegmentation>) => {
  if (data.type === 'background') {
    setBackground(data.background);
    return;
  }
  effect = data.effect;
  setBackground(data.background);
  const loadStarted = performance.now();
  loadSegmenter().then(
    (loaded) => {
      segmenter = loaded;
      post({ type: 'ready', loadMs: performance.now() - loadStarted });
    },
    (error: unknown) => post({ type: 'failed', reason: error instanceof Error ? error.message : String(error) }),
  );
  void run(data.frames, data.output);
};
