/** Media files the e2e tests feed Chromium's fake devices, written at run time (nothing binary in git). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A 16-bit mono PCM WAV file of these samples (-1..1, clipped). */
export function wavBytes(samples: Float32Array, rate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, index) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32767), index * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * Two seconds of something voice-like at speaking loudness (Chromium loops the file as the
 * microphone): a gliding pitch with its harmonics, in syllables, so noise suppression, which
 * removes steady tones, lets it through as it lets speech through.
 */
export function writeToneWav(): string {
  const rate = 48_000;
  const samples = new Float32Array(rate * 2);
  let phase = 0;
  for (let index = 0; index < samples.length; index++) {
    const time = index / rate;
    const pitch = 150 + 60 * Math.sin(2 * Math.PI * 0.7 * time);
    phase += (2 * Math.PI * pitch) / rate;
    const voice = [1, 0.6, 0.4, 0.25, 0.15].reduce((sum, weight, harmonic) => sum + weight * Math.sin(phase * (harmonic + 1)), 0) / 2.4;
    const syllables = 0.35 + 0.65 * Math.abs(Math.sin(2 * Math.PI * 2.5 * time));
    samples[index] = voice * syllables * 0.5;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'parley-tone-')), 'tone.wav');
  writeFileSync(file, wavBytes(samples, rate));
  return file;
}
