/**
 * Neural noise suppression on the microphone we send, beside the browser's own (which removes
 * steady noise such as fans, but lets keyboards through): GTCRN, a small (48 k-parameter) speech
 * enhancement network that separates speech from noise frame by frame, run as WebAssembly in an
 * AudioWorklet, so the audio thread does the work and the page's main thread is untouched.
 *
 * From @sapphi-red/web-noise-suppressor: its npm tarball ships the worklets and the wasm builds,
 * it is MIT, and each model is a Web Audio node and nothing else (@jitsi/rnnoise-wasm ships only
 * a wasm, leaving worklet, framing and resampling to us). It has RNNoise too; measured on the same
 * clicks and speech (e2e/noiseSuppression.spec.ts), RNNoise took 4.6 dB off the clicks and GTCRN
 * 20 dB or more, both leaving the speech within 0.2 dB, so GTCRN it is (docs/PERFORMANCE.md).
 *
 * Nothing is fetched from elsewhere: the worklet is one of the app's own files, and the wasm is
 * carried inside this feature's lazily loaded chunk and decoded in memory (a fetch of a file://
 * URL fails in the desktop app). Compiling it needs the CSP's 'wasm-unsafe-eval' (SECURITY.md).
 *
 * The track it returns is what goes to the others; mute still acts on the microphone itself,
 * so a muted microphone sends silence through it as before.
 */
import gtcrnWorklet from '@sapphi-red/web-noise-suppressor/gtcrnWorklet.js?url';
import { decodeBase64 } from './decodeBase64';

/** The model runs at 16 or 48 kHz; 48 kHz is what WebRTC sends, so nothing is resampled twice. */
const SAMPLE_RATE = 48_000;

type ModelNode = AudioWorkletNode & { destroy(): void };

let wasmBinary: Promise<ArrayBuffer> | undefined;

/** The model's bytes, once per page. */
function loadWasm(): Promise<ArrayBuffer> {
  wasmBinary ??= import('@sapphi-red/web-noise-suppressor/gtcrn.wasm?bytes').then(({ default: base64 }) => decodeBase64(base64));
  return wasmBinary;
}

export class NoiseSuppressor {
  private teardown: (() => void) | undefined;

  /**
   * The microphone, denoised: a new track that follows `input` (ending it ends nothing here; call
   * `stop`). Rejects when the browser cannot run the model (no AudioWorklet, WebAssembly refused).
   */
  async apply(input: MediaStreamTrack): Promise<MediaStreamTrack> {
    this.stop();
    const [{ GtcrnWorkletNode }, binary] = await Promise.all([import('@sapphi-red/web-noise-suppressor'), loadWasm()]);
    const context = new AudioContext({ sampleRate: SAMPLE_RATE });
    try {
      if (!context.audioWorklet) throw new Error('This browser has no AudioWorklet');
      await context.audioWorklet.addModule(gtcrnWorklet);
      const source = context.createMediaStreamSource(new MediaStream([input]));
      const model: ModelNode = new GtcrnWorkletNode(context, { maxChannels: 1, wasmBinary: binary });
      const output = context.createMediaStreamDestination();
      // The model's node has two output channels and writes the voice into the first only: mixed
      // down as speakers (the average of the two) it would lose 6 dB; discrete keeps the first.
      output.channelCount = 1;
      output.channelInterpretation = 'discrete';
      source.connect(model).connect(output);
      // A context made without a user gesture may start suspended; the next click wakes it.
      if (context.state === 'suspended') document.addEventListener('pointerdown', () => void context.resume(), { once: true });
      const track = output.stream.getAudioTracks()[0]!;
      this.teardown = () => {
        source.disconnect();
        model.disconnect();
        model.destroy();
        track.stop();
        void context.close();
      };
      return track;
    } catch (error) {
      void context.close();
      throw error;
    }
  }

  stop(): void {
    this.teardown?.();
    this.teardown = undefined;
  }
}
