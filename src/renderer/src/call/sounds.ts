/**
 * Parley's own cues, synthesised on the spot (no sound files, nobody else's recordings): join is
 * two notes rising, leave the same two falling, a message one short high note. Each is one
 * oscillator whose pitch steps, under a soft envelope so it does not click. They play on the
 * speaker chosen in settings where the browser can route Web Audio (AudioContext.setSinkId).
 */
export type Cue = 'join' | 'leave' | 'message';

interface Note {
  frequency: number;
  seconds: number;
}

const E5 = 659.25;
const A5 = 880;
const C6 = 1046.5;

const CUES: Record<Cue, { wave: OscillatorType; notes: Note[]; volume: number }> = {
  join: { wave: 'sine', notes: [{ frequency: E5, seconds: 0.11 }, { frequency: A5, seconds: 0.16 }], volume: 0.18 },
  leave: { wave: 'sine', notes: [{ frequency: A5, seconds: 0.11 }, { frequency: E5, seconds: 0.16 }], volume: 0.18 },
  message: { wave: 'triangle', notes: [{ frequency: C6, seconds: 0.09 }], volume: 0.15 },
};

export class SoundPlayer {
  private context: AudioContext | null = null;
  private sinkId = '';

  /** The output chosen in settings ('' for the system's default). */
  setOutput(sinkId: string): void {
    this.sinkId = sinkId;
    const context = this.context as (AudioContext & { setSinkId?: (id: string) => Promise<void> }) | null;
    void context?.setSinkId?.(sinkId).catch(() => undefined);
  }

  play(cue: Cue): void {
    const context = this.audio();
    if (!context) return;
    const { wave, notes, volume } = CUES[cue];
    const start = context.currentTime + 0.01;
    const total = notes.reduce((sum, note) => sum + note.seconds, 0);
    const oscillator = context.createOscillator();
    oscillator.type = wave;
    let at = start;
    for (const note of notes) {
      oscillator.frequency.setValueAtTime(note.frequency, at);
      at += note.seconds;
    }
    const gain = context.createGain();
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(volume, start + 0.015);
    gain.gain.setValueAtTime(volume, start + total - 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + total);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + total + 0.02);
    oscillator.onended = () => gain.disconnect();
  }

  close(): void {
    void this.context?.close();
    this.context = null;
  }

  /** One context for every cue, made on first use (after the click that joined the call). */
  private audio(): AudioContext | null {
    if (this.context) return this.context;
    if (typeof AudioContext === 'undefined') return null;
    this.context = new AudioContext();
    if (this.sinkId) this.setOutput(this.sinkId);
    return this.context;
  }
}
