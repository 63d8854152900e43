/**
 * npm run bench:background [-- --seconds 10 --rounds 3]
 *
 * What "Blur my background" (src/renderer/src/call/segmentation/) costs and reaches: two Parley
 * pages in one call, in Chromium with the fake camera, at each video quality; for each, rounds
 * alternating no effect and the background blurred, in the same run. Printed: the browser's CPU
 * (its whole process tree, in cores), the frames a second Ada sends, and what the effect itself
 * reports (frames composed a second, median milliseconds a frame) in her media info. Only Ada runs
 * the effect, so blurred − none is its cost for one participant. A measurement, not a test.
 */
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { pairInCall } from './pairInCall';
import { descendantCpuSeconds } from './processCpu';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, rounds: { type: 'string', default: '3' } } });
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const QUALITIES = [
  { value: 'standard', camera: '640×480, 15 fps' },
  { value: 'hd', camera: '1280×720, 30 fps' },
] as const;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Frames a second Ada's open connection sends, from its outbound video statistics. */
const sentFramesPerSecond = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    const open = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.filter((pc) => pc.connectionState === 'connected');
    const reports = [...(await open.at(-1)!.getStats()).values()];
    return (reports.find((r) => r.type === 'outbound-rtp' && r.kind === 'video')?.framesPerSecond as number | undefined) ?? 0;
  });

const { ada, close } = await pairInCall('background');
try {
  const settings = ada.getByRole('complementary', { name: 'Settings' });
  await settings.getByText('Media info').click();
  const effectFigures = settings.getByText(/\d+ frames a second, \d+ ms a frame/);

  console.log('quality            round  effect           browser CPU (cores)  sent fps  effect fps  ms a frame');
  const summary: string[] = [];
  for (const quality of QUALITIES) {
    await settings.getByLabel('Video quality').selectOption(quality.value);
    const cpu: Record<'none' | 'background-blur', number[]> = { none: [], 'background-blur': [] };
    const composed: { fps: number[]; ms: number[] } = { fps: [], ms: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const effect of ['none', 'background-blur'] as const) {
        await settings.getByLabel('Effect').selectOption(effect);
        if (effect === 'background-blur') await effectFigures.waitFor({ timeout: 30_000 });
        await ada.waitForTimeout(3000);
        const before = descendantCpuSeconds();
        const started = performance.now();
        await ada.waitForTimeout(SECONDS * 1000);
        const cores = (descendantCpuSeconds() - before) / ((performance.now() - started) / 1000);
        cpu[effect].push(cores);
        const sent = await sentFramesPerSecond(ada);
        let figures = '';
        if (effect === 'background-blur') {
          const [fps, ms] = ((await effectFigures.textContent()) ?? '').match(/\d+/g)!.map(Number) as [number, number];
          composed.fps.push(fps);
          composed.ms.push(ms);
          figures = `${String(fps).padStart(10)}  ${String(ms).padStart(10)}`;
        }
        console.log(`${quality.camera.padEnd(17)}  ${String(round).padStart(5)}  ${effect.padEnd(15)}  ${cores.toFixed(3).padStart(19)}  ${sent.toFixed(0).padStart(8)}  ${figures}`);
      }
    }
    const [none, blurred] = [median(cpu.none), median(cpu['background-blur'])];
    summary.push(
      `${quality.camera}: none ${none.toFixed(3)} cores, background blurred ${blurred.toFixed(3)} cores (+${(blurred - none).toFixed(3)} for one participant); ` +
        `the effect composes ${median(composed.fps)} frames a second at ${median(composed.ms)} ms a frame (medians)`,
    );
  }
  console.log(`\n${summary.join('\n')}`);
} finally {
  await close();
}
