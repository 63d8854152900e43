/**
 * One host in a process of its own, for the tests that kill a host (SIGKILL) mid-call
 * (redisHosts.test.ts, e2e/proxiedHosts.spec.ts): its settings come from the environment; it
 * prints its URL once it listens.
 */
import { createSignalingServer } from '../src/index';

const env = (name: string): string | undefined => process.env[name] || undefined;

const server = await createSignalingServer({
  host: '127.0.0.1',
  port: 0,
  redisUrl: env('PARLEY_TEST_REDIS_URL'),
  resumeGraceMs: env('PARLEY_TEST_GRACE_MS') === undefined ? undefined : Number(env('PARLEY_TEST_GRACE_MS')),
  staticDir: env('PARLEY_TEST_STATIC_DIR'),
  trustProxy: env('PARLEY_TEST_TRUST_PROXY') === '1',
  hostKey: env('PARLEY_HOST_KEY'),
});
console.log(`LISTENING ${server.url}`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
