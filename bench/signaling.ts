/**
 * npm run bench:signaling [-- --clients 1000 --room-size 4 --rate 2000 --seconds 5 --warmup 1]
 *
 * N clients in rooms of 4 exchange offer-, answer- and candidate-sized messages with their
 * roommates through the server, paced at a fixed total rate. Measures relay latency (send to
 * delivery, one clock), delivered messages per second and server heap per client, for Parley's
 * server and for a bare Socket.IO relay in the same run, and prints the overhead ratios. Then the
 * same load on two Parley hosts sharing one redis-server (started here, on a free port), clients
 * alternating between them, with the latency of messages that cross from one host to the other
 * apart. Clients connect from many loopback addresses, as separate machines would. Each run first
 * sends the same load for `--warmup` seconds, not counted: the servers' first second (code not yet
 * optimised, the first Redis scripts loaded) is not what a call meets an hour in. A measurement,
 * not a test.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../src/shared/protocol';
import { redisMissing, startRedis } from '../signaling-server/test/redisServer';
import { ms, percentile } from './stats';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    'room-size': { type: 'string', default: '4' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
  },
});
const CLIENTS = Number(values.clients);
const ROOM_SIZE = Number(values['room-size']);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const WARMUP_SECONDS = Number(values.warmup);

type Kind = 'bare' | 'parley' | 'redis';

interface Result {
  latencies: number[];
  /** Of those, the messages whose sender and recipient were connected to different hosts. */
  crossHost: number[];
  sent: number;
  delivered: number;
  refused: number;
  heapPerClient: number;
  seconds: number;
}

/** Realistic sizes: an audio+video+data offer is ~3-5 KB, a candidate ~100 bytes. */
const SDP_BODY = `v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n${'a=candidate-ish padding line for a realistic size\r\n'.repeat(60)}`;

function payloadFor(seq: number) {
  return seq % 4 === 0
    ? { kind: 'description', description: { type: seq % 8 === 0 ? 'offer' : 'answer', sdp: `${SDP_BODY}a=seq:${seq}\r\n` } }
    : { kind: 'candidate', candidate: { candidate: `candidate:1 1 udp 2122260223 10.0.0.${seq % 250} 5${seq % 10000} typ host seq ${seq}`, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'abcd' } };
}

function seqOf(payload: { kind: string; description?: { sdp: string }; candidate?: { candidate: string } }): number {
  const text = payload.kind === 'description' ? payload.description!.sdp : payload.candidate!.candidate;
  return Number(/seq[: ](\d+)/.exec(text)?.[1]);
}

function startHost(kind: Kind, redisUrl?: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(resolve(import.meta.dirname, 'signalingHost.ts'), [kind, ...(redisUrl ? [redisUrl] : [])], { execArgv: ['--import', 'tsx', '--expose-gc'] });
  return new Promise((done) => child.once('message', (m: { port: number }) => done({ child, port: m.port })));
}

function memory(child: ChildProcess): Promise<{ heapUsed: number }> {
  return new Promise((done) => {
    child.once('message', (m: { heapUsed: number }) => done(m));
    child.send('memory');
  });
}

/** Client i connects to host i mod hosts: roommates alternate between hosts. */
async function connectAll(ports: number[]): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let start = 0; start < CLIENTS; start += 50) {
    const batch = Array.from({ length: Math.min(50, CLIENTS - start) }, (_, k) => {
      const i = start + k;
      // Two clients per address: like many machines, each with the app and a browser tab.
      const address = `127.1.${Math.floor(i / 2 / 250)}.${((i >> 1) % 250) + 1}`;
      const socket = io(`http://127.0.0.1:${ports[i % ports.length]!}`, { transports: ['websocket'], forceNew: true, reconnection: false, localAddress: address } as Parameters<typeof io>[1]);
      return new Promise<Socket>((done, fail) => {
        socket.once('connect', () => done(socket));
        socket.once('connect_error', fail);
      });
    });
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

async function joinAll(kind: Kind, sockets: Socket[]): Promise<string[]> {
  return Promise.all(
    sockets.map(async (socket, i) => {
      const room = `room-${Math.floor(i / ROOM_SIZE)}`;
      if (kind === 'bare') return (await socket.timeout(10_000).emitWithAck('join', room)) as string;
      const answer = await socket.timeout(10_000).emitWithAck('join', { room, name: `P${i}`, protocolVersion: PROTOCOL_VERSION });
      if (!answer.ok) throw new Error(`join failed: ${answer.error.code}`);
      return answer.data.selfId as string;
    }),
  );
}

async function run(kind: Kind): Promise<Result> {
  const redis = kind === 'redis' ? await startRedis() : undefined;
  const hosts = await Promise.all(Array.from({ length: redis ? 2 : 1 }, () => startHost(kind, redis?.url)));
  const heap = async () => (await Promise.all(hosts.map(({ child }) => memory(child)))).reduce((sum, m) => sum + m.heapUsed, 0);
  const before = await heap();
  const sockets = await connectAll(hosts.map(({ port }) => port));
  const ids = await joinAll(kind, sockets);
  const after = await heap();
  const crossHost: number[] = [];
  const senderOf = new Map<number, number>();

  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let refused = 0;
  /** The first message counted: those before it were sent during the warm-up. */
  let firstMeasured = Infinity;
  sockets.forEach((socket, receiver) => {
    socket.on('signal', ({ payload }) => {
      const seq = seqOf(payload);
      const start = sentAt.get(seq);
      if (start === undefined || seq < firstMeasured) return;
      const latency = performance.now() - start;
      latencies.push(latency);
      if (hosts.length > 1 && senderOf.get(seq)! % hosts.length !== receiver % hosts.length) crossHost.push(latency);
    });
  });

  // Paced sending: every 5 ms, the next clients in turn each send one message to a roommate.
  let seq = 0;
  const perTick = Math.max(1, Math.round((RATE * 5) / 1000));
  const started = performance.now();
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - started;
      if (elapsed >= (WARMUP_SECONDS + SECONDS) * 1000) {
        clearInterval(timer);
        return done();
      }
      if (firstMeasured === Infinity && elapsed >= WARMUP_SECONDS * 1000) firstMeasured = seq;
      for (let k = 0; k < perTick; k++, seq++) {
        const from = seq % CLIENTS;
        const roomStart = from - (from % ROOM_SIZE);
        const to = roomStart + ((from - roomStart + 1 + (seq % (ROOM_SIZE - 1))) % ROOM_SIZE);
        const message = { to: ids[to]!, payload: payloadFor(seq) };
        sentAt.set(seq, performance.now());
        senderOf.set(seq, from);
        const measured = seq >= firstMeasured;
        if (kind === 'bare') sockets[from]!.emit('signal', message);
        else sockets[from]!.timeout(10_000).emit('signal', message, (_error: Error | null, answer?: { ok: boolean }) => {
          if (!answer?.ok && measured) refused++;
        });
      }
    }, 5);
  });
  await new Promise((r) => setTimeout(r, 1000)); // let the last messages land

  for (const socket of sockets) socket.disconnect();
  await Promise.all(hosts.map(({ child }) => new Promise((done) => (child.once('exit', done), child.send('stop')))));
  await redis?.remove();
  return { latencies, crossHost, sent: seq - firstMeasured, delivered: latencies.length, refused, heapPerClient: (after - before) / CLIENTS, seconds: SECONDS };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const p = (r: Result, at: number) => percentile(r.latencies, at);

console.log(`Signaling benchmark: ${CLIENTS} clients in rooms of ${ROOM_SIZE}, ${RATE} messages/s for ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up (1 in 4 an SDP of ~${(SDP_BODY.length / 1024).toFixed(1)} KiB)\n`);
const results: Record<Kind, Result | undefined> = { bare: await run('bare'), parley: await run('parley'), redis: redisMissing ? undefined : await run('redis') };
if (redisMissing) console.log(`(two hosts sharing Redis not measured: ${redisMissing})\n`);
console.log('                       bare Socket.IO relay      Parley   two Parley hosts + Redis');
const line = (label: string, f: (r: Result) => string) =>
  console.log(`${label.padEnd(22)} ${f(results.bare!).padStart(20)} ${f(results.parley!).padStart(12)} ${(results.redis ? f(results.redis) : '—').padStart(26)}`);
line('relay latency p50', (r) => ms(p(r, 50), 2));
line('relay latency p99', (r) => ms(p(r, 99), 2));
line('delivered / sent', (r) => `${r.delivered} / ${r.sent}`);
line('messages per second', (r) => (r.delivered / r.seconds).toFixed(0));
line('refused by limits', (r) => String(r.refused));
line('cross-host p50', (r) => (r.crossHost.length ? ms(percentile(r.crossHost, 50), 2) : '—'));
line('cross-host p99', (r) => (r.crossHost.length ? ms(percentile(r.crossHost, 99), 2) : '—'));
line('server heap / client', (r) => kb(r.heapPerClient));
const ratio = (f: (r: Result) => number, of: Result = results.parley!) => (f(of) / f(results.bare!)).toFixed(2);
console.log(
  `\noverhead ratio (Parley / bare): p50 ${ratio((r) => p(r, 50))}x, p99 ${ratio((r) => p(r, 99))}x, heap per client ${ratio((r) => r.heapPerClient)}x`,
);
if (results.redis) {
  const one = results.parley!;
  console.log(
    `two hosts + Redis against one host: p50 ${(p(results.redis, 50) / p(one, 50)).toFixed(2)}x, p99 ${(p(results.redis, 99) / p(one, 99)).toFixed(2)}x; cross-host p99 ${ms(percentile(results.redis.crossHost, 99), 2)} (${results.redis.crossHost.length} messages)`,
  );
}
process.exit(0);
