/**
 * A microphone for the noise-suppression test: an 8-second loop of 4 s of keyboard clicks alone,
 * then 4 s of a sentence spoken by espeak-ng (resampled to 48 kHz by sox) with the same clicks
 * going on under it. Chromium plays the file as its fake microphone, looping. The clicks are made
 * here, from a seeded generator, so every run hears the same ones: a few milliseconds of noise
 * each, with a resonance like a key's plastic, seven or so a second at irregular intervals, about
 * as loud against the voice as a laptop keyboard under its own microphone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wavBytes } from './toneFile';

export const RATE = 48_000;
export const CLICKS_ONLY_SECONDS = 4;
export const PERIOD_SECONDS = 8;

export interface NoisyMicrophone {
  file: string;
  /** The loop's samples, -1..1, for the test to align what it hears against. */
  samples: Float32Array;
}

/** Whether espeak-ng and sox are here (scripts/ensure-test-tools.sh installs both on Linux as root). */
export function soundToolsMissing(): string | null {
  for (const tool of ['espeak-ng', 'sox']) {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (run scripts/ensure-test-tools.sh as root, or apt-get install espeak-ng sox)`;
    }
  }
  return null;
}

/** The samples of a 16-bit mono WAV file (its "data" chunk, wherever sox put it). */
function readWav(file: string): Float32Array {
  const bytes = readFileSync(file);
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'data') {
      const samples = new Float32Array(Math.floor(size / 2));
      for (let index = 0; index < samples.length; index++) samples[index] = bytes.readInt16LE(offset + 8 + index * 2) / 32768;
      return samples;
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${file} has no data chunk`);
}

/** Small, seeded, good enough for click timing (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function writeNoisyMicrophone(): NoisyMicrophone {
  const folder = mkdtempSync(join(tmpdir(), 'parley-noisy-'));
  const spoken = join(folder, 'spoken.wav');
  const speech48k = join(folder, 'speech-48k.wav');
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '155', '-w', spoken, 'The quick brown fox jumps over the lazy dog, twice.']);
  // Mono 16-bit at 48 kHz, the level of a voice close to a laptop's microphone.
  execFileSync('sox', [spoken, '-r', String(RATE), '-c', '1', '-b', '16', speech48k, 'norm', '-6']);
  const speech = readWav(speech48k);

  const samples = new Float32Array(PERIOD_SECONDS * RATE);
  const speechStart = CLICKS_ONLY_SECONDS * RATE;
  samples.set(speech.subarray(0, samples.length - speechStart), speechStart);

  const next = random(20261201);
  for (let at = Math.round(0.05 * RATE); at < samples.length - RATE / 100; at += Math.round((0.08 + 0.12 * next()) * RATE)) {
    const loudness = 0.25 + 0.2 * next();
    const ring = 2500 + 2000 * next();
    // A key: a sharp noise burst that decays in about 2 ms, with a short ring on top.
    for (let index = 0; index < RATE * 0.008; index++) {
      const time = index / RATE;
      const burst = (next() * 2 - 1) * Math.exp(-time / 0.002);
      const tone = Math.sin(2 * Math.PI * ring * time) * Math.exp(-time / 0.003);
      samples[at + index]! += loudness * (0.7 * burst + 0.3 * tone);
    }
  }
  const file = join(folder, 'noisy-speech.wav');
  writeFileSync(file, wavBytes(samples, RATE));
  return { file, samples };
}

/** The loop's level (dBFS) in each `stepMs` from its start: what the test aligns its timeline to. */
export function loopEnvelope(samples: Float32Array, stepMs: number): number[] {
  const step = Math.round((RATE * stepMs) / 1000);
  const levels: number[] = [];
  for (let start = 0; start + step <= samples.length; start += step) {
    let sum = 0;
    for (let index = start; index < start + step; index++) sum += samples[index]! ** 2;
    levels.push(toDb(Math.sqrt(sum / step)));
  }
  return levels;
}

export const toDb = (rms: number): number => 20 * Math.log10(Math.max(rms, 1e-6));
