/**
 * The headless host: the same signaling server as the desktop app, without a window, serving the
 * built web client so participants can join from a browser.
 *
 *   npm run host -- --port 47100 --room team
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, DEFAULT_ROOM_CAPACITY } from '../../src/shared/protocol';
import { roomNameSchema } from '../../src/shared/protocol.schemas';
import { createSignalingServer } from './index';

const USAGE = `Usage: npm run host -- [--port ${DEFAULT_PORT}] [--room NAME] [--host 0.0.0.0]
                       [--capacity ${DEFAULT_ROOM_CAPACITY}] [--tls-key FILE --tls-cert FILE] [--web DIR]`;

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_WEB_DIR = resolve(here, '../../out/renderer');

function fail(message: string): never {
  console.error(`parley host: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      room: { type: 'string' },
      host: { type: 'string', default: '0.0.0.0' },
      capacity: { type: 'string', default: String(DEFAULT_ROOM_CAPACITY) },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      web: { type: 'string', default: DEFAULT_WEB_DIR },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got "${values.port}"`);
  const capacity = Number(values.capacity);
  if (!Number.isInteger(capacity) || capacity < 2) fail(`--capacity must be at least 2, got "${values.capacity}"`);
  const room = values.room === undefined ? undefined : roomNameSchema.safeParse(values.room);
  if (room && !room.success) fail(`--room: ${room.error.issues[0]?.message ?? 'invalid'}`);
  if (Boolean(values['tls-key']) !== Boolean(values['tls-cert'])) fail('--tls-key and --tls-cert go together');
  const tls =
    values['tls-key'] && values['tls-cert']
      ? { key: readFileSync(values['tls-key']), cert: readFileSync(values['tls-cert']) }
      : undefined;
  return { port, capacity, host: values.host, room: room?.data, tls, web: resolve(values.web) };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const hasWebClient = existsSync(resolve(options.web, 'index.html'));
  if (!hasWebClient) {
    console.warn(`parley host: no web client in ${options.web} (run "npm run build"); browsers cannot join.`);
  }
  const server = await createSignalingServer({
    host: options.host,
    port: options.port,
    capacity: options.capacity,
    staticDir: hasWebClient ? options.web : undefined,
    tls: options.tls,
  }).catch((error: NodeJS.ErrnoException) => {
    fail(error.code === 'EADDRINUSE' ? `port ${options.port} is already in use` : error.message);
  });

  const scheme = options.tls ? 'https' : 'http';
  const query = options.room ? `/?room=${encodeURIComponent(options.room)}` : '/';
  console.log(`Parley host listening on port ${server.port}${options.room ? `, room "${options.room}"` : ''}.`);
  console.log('Open one of these in the app (Host address) or a browser:');
  for (const address of server.addresses) console.log(`  ${scheme}://${address}${query}`);

  const stop = (): void => {
    console.log('\nStopping…');
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
