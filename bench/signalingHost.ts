/**
 * A signaling server in its own process for bench/signaling.ts: Parley's server (alone, or one of
 * several sharing the Redis given after `redis`) or a bare Socket.IO relay (no validation, no
 * acknowledgements, no limits), the baseline for the overhead ratio. Prints its port; answers
 * "memory" with its heap use after a full garbage collection.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createSignalingServer } from '../signaling-server/src/index';

async function startBare(): Promise<{ port: number; close: () => Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'], serveClient: false });
  io.on('connection', (socket) => {
    socket.on('join', (room: string, ack: (id: string) => void) => {
      void socket.join(room);
      ack(socket.id);
    });
    socket.on('signal', ({ to, payload }: { to: string; payload: unknown }) => {
      io.to(to).emit('signal', { from: socket.id, payload });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { port: (http.address() as AddressInfo).port, close: () => new Promise((resolve) => void io.close(() => resolve())) };
}

const kind = process.argv[2];
const server = kind === 'bare' ? await startBare() : await createSignalingServer({ host: '127.0.0.1', port: 0, redisUrl: kind === 'redis' ? process.argv[3] : undefined });

process.on('message', (message) => {
  if (message === 'memory') {
    globalThis.gc?.();
    process.send?.({ heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
  } else if (message === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
process.send?.({ port: server.port });
