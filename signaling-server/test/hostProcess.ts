/**
 * One host in a process of its own, for the tests that kill a host (SIGKILL) mid-call: started by
 * redisHosts.test.ts with its settings in the environment; prints its URL when it listens.
 */
import { createSignalingServer } from '../src/index';

const server = await createSignalingServer({
  host: '127.0.0.1',
  port: 0,
  redisUrl: process.env['PARLEY_TEST_REDIS_URL'],
  resumeGraceMs: Number(process.env['PARLEY_TEST_GRACE_MS']),
});
console.log(`LISTENING ${server.url}`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
