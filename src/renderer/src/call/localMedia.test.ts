import { describe, expect, it } from 'vitest';
import { openLocalMedia } from './localMedia';

const failWith = (name: string) => Object.assign(new Error(name), { name });
const CONSTRAINTS = { audio: { echoCancellation: true }, video: { width: { ideal: 640 } } };

/** Records each request and answers from a script: the fallback order is what is under test. */
function scriptedDevices(answers: (Error | 'ok')[]) {
  const asked: MediaStreamConstraints[] = [];
  const stream = { id: 'stream' } as unknown as MediaStream;
  const devices = {
    getUserMedia: (constraints: MediaStreamConstraints) => {
      asked.push(constraints);
      const answer = answers.shift();
      return answer === 'ok' ? Promise.resolve(stream) : Promise.reject(answer ?? failWith('NotFoundError'));
    },
  } as unknown as MediaDevices;
  return { devices, asked, stream };
}

describe('openLocalMedia', () => {
  it('asks for camera and microphone together first', async () => {
    const { devices, asked, stream } = scriptedDevices(['ok']);
    expect(await openLocalMedia(devices, CONSTRAINTS)).toEqual({ stream, problem: null });
    expect(asked).toEqual([{ audio: CONSTRAINTS.audio, video: CONSTRAINTS.video }]);
  });

  it('falls back to the microphone alone when the camera is missing, and says so', async () => {
    const { devices, asked, stream } = scriptedDevices([failWith('NotFoundError'), 'ok']);
    expect(await openLocalMedia(devices, CONSTRAINTS)).toEqual({ stream, problem: 'partial' });
    expect(asked[1]).toEqual({ audio: CONSTRAINTS.audio, video: false });
  });

  it('reports a refusal when nothing can be opened, and joins with no stream', async () => {
    const { devices, asked } = scriptedDevices([failWith('NotAllowedError'), failWith('NotAllowedError'), failWith('NotAllowedError')]);
    expect(await openLocalMedia(devices, CONSTRAINTS)).toEqual({ stream: null, problem: 'denied' });
    expect(asked).toHaveLength(3);
  });

  it('explains an insecure context instead of failing silently', async () => {
    expect(await openLocalMedia(undefined, CONSTRAINTS)).toEqual({ stream: null, problem: 'insecure-context' });
  });
});
