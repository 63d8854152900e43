/**
 * npm run bench:noise [-- --seconds 10 --rounds 3]
 *
 * What the neural noise suppression (src/renderer/src/call/noiseSuppression.ts) costs: two Parley
 * pages in one call, in Chromium with the fake devices, and the browser's CPU (its whole process
 * tree, in cores) over a window with Ada's neural suppression off, then on, alternating in the
 * same run. Only Ada runs the model, so on − off is its cost for one participant. A measurement,
 * not a test.
 */
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { pairInCall } from './pairInCall';
import { descendantCpuSeconds } from './processCpu';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, rounds: { type: 'string', default: '3' } } });
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The label of the audio track Ada's open connection sends. */
const sentAudioLabel = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const open = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.filter((pc) => pc.connectionState === 'connected');
    return open.at(-1)?.getSenders().find((sender) => sender.track?.kind === 'audio')?.track?.label ?? '';
  });

async function setNeural(page: Page, on: boolean, microphoneLabel: string): Promise<void> {
  const box = page.getByRole('complementary', { name: 'Settings' }).getByRole('checkbox', { name: /Also remove keyboards/ });
  if ((await box.isChecked()) !== on) await box.click();
  // The microphone's own track is sent only while the model is off.
  for (let waited = 0; (await sentAudioLabel(page)) === microphoneLabel === on; waited += 100) {
    if (waited > 15_000) throw new Error(`the sent track did not change with neural suppression ${on ? 'on' : 'off'}`);
    await page.waitForTimeout(100);
  }
}

const { ada, close } = await pairInCall('noise');
try {
  await ada.waitForTimeout(5000);
  const microphoneLabel = await sentAudioLabel(ada);

  const cpu: Record<'off' | 'on', number[]> = { off: [], on: [] };
  console.log('round  neural   browser CPU (cores)');
  for (let round = 1; round <= ROUNDS; round++) {
    for (const mode of ['off', 'on'] as const) {
      await setNeural(ada, mode === 'on', microphoneLabel);
      await ada.waitForTimeout(2000);
      const before = descendantCpuSeconds();
      const started = performance.now();
      await ada.waitForTimeout(SECONDS * 1000);
      const cores = (descendantCpuSeconds() - before) / ((performance.now() - started) / 1000);
      cpu[mode].push(cores);
      console.log(`${String(round).padStart(5)}  ${mode.padEnd(6)}  ${cores.toFixed(3).padStart(19)}`);
    }
  }
  const [off, on] = [median(cpu.off), median(cpu.on)];
  console.log(`\nmedians: off ${off.toFixed(3)} cores, on ${on.toFixed(3)} cores; the model costs ${(on - off).toFixed(3)} cores for one participant (${((on / off - 1) * 100).toFixed(0)}% more for the whole two-page browser)`);
} finally {
  await close();
}
