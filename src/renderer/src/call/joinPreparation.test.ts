/**
 * The connection to a host made before the click, against a real Parley signaling server on
 * loopback: handed over once, only to a join at the same address, never once the host has
 * dropped it or it is near the host's half-open limit. (The standby peer connection needs a
 * browser: e2e/joinPreparation.spec.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSignalingServer, type SignalingServer } from '../../../../signaling-server/src/index';
import { JoinPreparation, WARM_HOST_MAX_AGE_MS } from './joinPreparation';

const servers: SignalingServer[] = [];
const preparations: JoinPreparation[] = [];

async function startServer(joinTimeoutMs?: number): Promise<SignalingServer> {
  const server = await createSignalingServer({ host: '127.0.0.1', port: 0, limits: joinTimeoutMs ? { joinTimeoutMs } : {} });
  servers.push(server);
  return server;
}

function preparation(): JoinPreparation {
  const made = new JoinPreparation();
  preparations.push(made);
  return made;
}

const until = async (condition: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

afterEach(async () => {
  for (const made of preparations.splice(0)) made.dispose();
  for (const server of servers.splice(0)) await server.close();
});

describe('JoinPreparation: the warm connection to a host', () => {
  it('hands over an open connection and the host identity, once, and it joins', async () => {
    const server = await startServer();
    const prepared = preparation();
    prepared.warmHost(server.url);
    prepared.warmHost(server.url); // again while under way: the same connection, not a second one

    const host = prepared.takeHost(server.url);
    expect(host).toBeDefined();
    await expect(host!.identity).resolves.toMatchObject({ app: 'parley', passcodeRequired: false });
    await host!.signaling.connect();
    const joined = await host!.signaling.join({ room: 'team', name: 'Ada' });
    expect(joined.peers).toEqual([]);
    expect(prepared.takeHost(server.url)).toBeUndefined(); // it is the caller's now
    host!.signaling.close();
  });

  it('does not hand a connection to one host over to a join at another, and closes it', async () => {
    const first = await startServer();
    const second = await startServer();
    const prepared = preparation();
    prepared.warmHost(first.url);
    await until(() => prepared['host']?.signaling.connected === true);
    const warm = prepared['host']!.signaling;

    expect(prepared.takeHost(second.url)).toBeUndefined();
    expect(warm.connected).toBe(false);
    expect(prepared.takeHost(first.url)).toBeUndefined();
  });

  it('forgets a connection the host dropped for not joining', async () => {
    const server = await startServer(300);
    const prepared = preparation();
    prepared.warmHost(server.url);
    await until(() => prepared['host']?.signaling.connected === true);
    await until(() => prepared['host'] === undefined, 3000);
    expect(prepared.takeHost(server.url)).toBeUndefined();
  });

  it('does not hand over a connection close to the half-open limit, and a new warm-up replaces it', async () => {
    const server = await startServer();
    const prepared = preparation();
    const start = Date.now();
    prepared.warmHost(server.url, start);
    const old = prepared['host']!.signaling;
    expect(prepared.takeHost(server.url, start + WARM_HOST_MAX_AGE_MS)).toBeUndefined();

    prepared.warmHost(server.url, start);
    const renewed = prepared['host']!.signaling;
    prepared.warmHost(server.url, start + WARM_HOST_MAX_AGE_MS);
    expect(prepared['host']!.signaling).not.toBe(renewed);
    expect(old).not.toBe(renewed);
    expect(prepared.takeHost(server.url, start + WARM_HOST_MAX_AGE_MS + 1)).toBeDefined();
  });

  it('forgets a connection that could not be made (nothing listening there)', async () => {
    const prepared = preparation();
    prepared.warmHost('http://127.0.0.1:9'); // nothing listens on the discard port
    await until(() => prepared['host'] === undefined);
    expect(prepared.takeHost('http://127.0.0.1:9')).toBeUndefined();
  });
});
