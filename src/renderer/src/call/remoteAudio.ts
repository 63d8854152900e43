/**
 * Where the others' voices are played: one Web Audio graph, a gain per participant (source →
 * gain → speaker), so each person's volume can go from silent to twice as loud. A media
 * element's `volume` stops at 100%, which is why the tiles' <video> elements stay muted and only
 * carry the stream (Chromium feeds a remote WebRTC track to Web Audio only while some media
 * element holds it, crbug.com/933677).
 *
 * Echo cancellation still covers this sound: Chromium's echo canceller runs in its audio service
 * and takes everything played to the output device as its reference (ChromeWideEchoCancellation,
 * on by default on Windows, macOS and Linux), not only media elements.
 *
 * Playing through the graph has one cost: Chromium measures a received track's loudness
 * (`totalAudioEnergy`) after the element's volume, so with the elements muted it reads zero. Each
 * voice therefore has an analyser before its gain, and `level()` is what the active speaker is
 * picked from: the voice as received, whatever volume we chose for it.
 *
 * The speaker chosen in settings is the context's sink (AudioContext.setSinkId). A browser that
 * cannot route Web Audio to a chosen speaker (Firefox, Safari) plays through the tiles instead,
 * at up to 100%: `routesThroughGraph` says which.
 */
import type { RoutableContext } from './listening';

interface Voice {
  track: MediaStreamTrack;
  source: MediaStreamAudioSourceNode;
  gain: GainNode;
  analyser: AnalyserNode;
}

/**
 * The analyser's window: the largest Web Audio allows, 0.68 s at 48 kHz, so a level read once a
 * second (the statistics tick) covers most of that second, as the energy it replaces did.
 */
const LEVEL_WINDOW = 32_768;

export class RemoteAudio {
  private context: RoutableContext | null = null;
  private readonly voices = new Map<string, Voice>();
  private sinkId = '';
  private readonly samples = new Float32Array(LEVEL_WINDOW);

  constructor(private readonly createContext: () => AudioContext = () => new AudioContext()) {}

  /** The speaker chosen in settings ('' for the system's default). */
  setOutput(sinkId: string): void {
    if (sinkId === this.sinkId) return;
    this.sinkId = sinkId;
    void this.context?.setSinkId?.(sinkId).catch((error: unknown) => console.warn('Parley: could not switch the speaker', error));
  }

  /**
   * Plays this participant's audio track (null: none, or not any more) at this gain. A new track
   * (a changed microphone, a renegotiation) replaces the old one's nodes; the same track only
   * changes the gain, smoothly, so a slider drag does not click.
   */
  play(peerId: string, track: MediaStreamTrack | null, gain: number): void {
    const current = this.voices.get(peerId);
    if (current && current.track !== track) this.stop(peerId);
    if (!track || track.readyState === 'ended') return;
    const voice = this.voices.get(peerId) ?? this.connect(peerId, track);
    voice.gain.gain.setTargetAtTime(gain, voice.gain.context.currentTime, 0.015);
  }

  /**
   * How loud this participant's voice arrives (RMS of the last 0.68 s, 0..1, before our volume);
   * undefined when it is not played here (no track yet, or the tiles play it).
   */
  level(peerId: string): number | undefined {
    const voice = this.voices.get(peerId);
    if (!voice) return undefined;
    voice.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const sample of this.samples) sum += sample * sample;
    return Math.sqrt(sum / this.samples.length);
  }

  /** Stops what is played for anyone not in this list (they left). */
  keepOnly(peerIds: ReadonlySet<string>): void {
    for (const peerId of [...this.voices.keys()]) if (!peerIds.has(peerId)) this.stop(peerId);
  }

  close(): void {
    for (const peerId of [...this.voices.keys()]) this.stop(peerId);
    void this.context?.close();
    this.context = null;
  }

  private connect(peerId: string, track: MediaStreamTrack): Voice {
    const context = this.audio();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const gain = context.createGain();
    const analyser = context.createAnalyser();
    analyser.fftSize = LEVEL_WINDOW;
    source.connect(analyser);
    source.connect(gain).connect(context.destination);
    const voice = { track, source, gain, analyser };
    this.voices.set(peerId, voice);
    return voice;
  }

  private stop(peerId: string): void {
    const voice = this.voices.get(peerId);
    if (!voice) return;
    voice.source.disconnect();
    voice.gain.disconnect();
    voice.analyser.disconnect();
    this.voices.delete(peerId);
  }

  /** One context for the call, made on first use (after the click that joined). */
  private audio(): RoutableContext {
    if (this.context) return this.context;
    const context: RoutableContext = this.createContext();
    this.context = context;
    if (this.sinkId) void context.setSinkId?.(this.sinkId).catch((error: unknown) => console.warn('Parley: could not switch the speaker', error));
    // A context made without a user gesture may start suspended; the next click wakes it.
    if (context.state === 'suspended') document.addEventListener('pointerdown', () => void context.resume(), { once: true });
    return context;
  }
}
