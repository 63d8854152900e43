/**
 * What a page actually plays, read from its own Web Audio graph: an init script records each
 * MediaStream source and every connection made, so a test can follow a participant's audio track
 * to the node that feeds the speaker and listen there (an analyser beside it). Nothing in the app
 * is made for this: it measures the graph the app built.
 */
import type { Page } from '@playwright/test';

export function instrumentAudioGraph(): void {
  const w = window as unknown as { __parleyAudioSources: MediaStreamAudioSourceNode[] };
  w.__parleyAudioSources = [];
  const nativeCreate = AudioContext.prototype.createMediaStreamSource;
  AudioContext.prototype.createMediaStreamSource = function (this: AudioContext, stream: MediaStream) {
    const node = nativeCreate.call(this, stream);
    w.__parleyAudioSources.push(node);
    return node;
  };
  const nativeConnect = AudioNode.prototype.connect as (...args: unknown[]) => unknown;
  (AudioNode.prototype as unknown as { connect: (...args: unknown[]) => unknown }).connect = function (this: AudioNode & { __next?: unknown[] }, ...args: unknown[]) {
    (this.__next ??= []).push(args[0]);
    return nativeConnect.apply(this, args);
  };
}

type GraphNode = AudioNode & { __next?: unknown[] };

/** A participant's voice at one page over the same 0.68 s: as it arrives, and as it is played. */
export interface VoiceLevels {
  /** RMS, 0..1, at the graph's source for their track: what arrives, before any volume. */
  received: number;
  /** RMS at the node that feeds the speaker: what is played; 0 when nothing of theirs reaches it. */
  played: number;
}

/** How the page plays the participant shown on the tile named `peerName` (see VoiceLevels). */
export function voiceLevels(page: Page, peerName: string): Promise<VoiceLevels> {
  return page.getByRole('figure', { name: peerName, exact: true }).locator('video').evaluate(async (element) => {
    const stream = (element as HTMLVideoElement).srcObject as MediaStream | null;
    const trackId = stream?.getAudioTracks()[0]?.id;
    const sources = (window as unknown as { __parleyAudioSources: MediaStreamAudioSourceNode[] }).__parleyAudioSources;
    const speakerFeeds = (source: AudioNode): GraphNode | null => {
      // Follow the connections from the source to the node connected to the context's speaker.
      const queue: GraphNode[] = [source];
      const seen = new Set<GraphNode>();
      for (let node = queue.shift(); node; node = queue.shift()) {
        if (node.__next?.includes(node.context.destination)) return node;
        seen.add(node);
        for (const next of node.__next ?? []) if (next instanceof AudioNode && !seen.has(next)) queue.push(next);
      }
      return null;
    };
    const source = [...sources].reverse().find((node) => node.context.state !== 'closed' && node.mediaStream.getAudioTracks()[0]?.id === trackId && speakerFeeds(node));
    if (!trackId || !source) return { received: 0, played: 0 };
    const listenAt = (node: AudioNode) => {
      const analyser = node.context.createAnalyser();
      analyser.fftSize = 32_768;
      node.connect(analyser);
      return { node, analyser };
    };
    const atSource = listenAt(source);
    const atSpeaker = listenAt(speakerFeeds(source)!);
    await new Promise((resolve) => setTimeout(resolve, 750));
    const rms = ({ node, analyser }: { node: AudioNode; analyser: AnalyserNode }) => {
      const samples = new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(samples);
      node.disconnect(analyser);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      return Math.sqrt(sum / samples.length);
    };
    return { received: rms(atSource), played: rms(atSpeaker) };
  });
}

export const playedLevel = async (page: Page, peerName: string): Promise<number> => (await voiceLevels(page, peerName)).played;

/** The output devices (sinkId, '' for the default) of the audio contexts that play received voices. */
export function playingSinks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sources = (window as unknown as { __parleyAudioSources: MediaStreamAudioSourceNode[] }).__parleyAudioSources;
    const contexts = new Set(
      sources
        .filter((node) => node.context.state !== 'closed' && node.mediaStream.getAudioTracks()[0] instanceof MediaStreamTrack)
        .filter((node) => (node as GraphNode).__next?.some((next) => next instanceof GainNode))
        .map((node) => node.context as AudioContext & { sinkId: string }),
    );
    return [...contexts].map((context) => (typeof context.sinkId === 'string' ? context.sinkId : ''));
  });
}

/**
 * The level of a participant's voice as it arrives at this page (at the graph's source for their
 * track, before any volume), every `stepMs` for `seconds`: time (ms, the page's clock) and RMS
 * over the last ~43 ms.
 */
export function arrivalTimeline(page: Page, peerName: string, seconds: number, stepMs = 50): Promise<{ at: number; rms: number }[]> {
  return page.getByRole('figure', { name: peerName, exact: true }).locator('video').evaluate(
    async (element, { seconds, stepMs }) => {
      const trackId = ((element as HTMLVideoElement).srcObject as MediaStream | null)?.getAudioTracks()[0]?.id;
      const sources = (window as unknown as { __parleyAudioSources: MediaStreamAudioSourceNode[] }).__parleyAudioSources;
      const source = [...sources].reverse().find((node) => node.context.state !== 'closed' && node.mediaStream.getAudioTracks()[0]?.id === trackId);
      if (!source) throw new Error('no audio graph source for this participant');
      const analyser = source.context.createAnalyser();
      analyser.fftSize = 2048;
      source.connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const timeline: { at: number; rms: number }[] = [];
      const end = performance.now() + seconds * 1000;
      while (performance.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, stepMs));
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const sample of samples) sum += sample * sample;
        timeline.push({ at: performance.now(), rms: Math.sqrt(sum / samples.length) });
      }
      source.disconnect(analyser);
      return timeline;
    },
    { seconds, stepMs },
  );
}
