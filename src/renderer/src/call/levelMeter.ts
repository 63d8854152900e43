/** The loudness of a microphone track, 0..1 (RMS of the waveform), for a live level meter. */
export class LevelMeter {
  private readonly context = new AudioContext();
  private readonly analyser: AnalyserNode;
  private readonly samples: Float32Array<ArrayBuffer>;

  constructor(track: MediaStreamTrack) {
    const source = this.context.createMediaStreamSource(new MediaStream([track]));
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = 1024;
    this.samples = new Float32Array(this.analyser.fftSize);
    source.connect(this.analyser);
    // Without a user gesture an AudioContext may start suspended; the first click wakes it.
    if (this.context.state === 'suspended') {
      document.addEventListener('pointerdown', () => void this.context.resume(), { once: true });
    }
  }

  read(): number {
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const sample of this.samples) sum += sample * sample;
    // Speech sits around 0.05-0.2 RMS; scale so a normal voice fills most of the meter.
    return Math.min(1, Math.sqrt(sum / this.samples.length) * 4);
  }

  close(): void {
    void this.context.close();
  }
}
