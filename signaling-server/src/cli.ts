/**
 * The headless host: the same signaling server as the desktop app, without a window, serving the
 * built web client so participants can join from a browser.
 *
 *   npm run host -- --port 47100 --room team [--passcode WORDS] [--no-tls] [--no-discovery]
 *
 * TLS is on by default with a certificate made on first run and kept in --tls-dir (browsers on a
 * LAN address need HTTPS for the camera); the printed invite links carry its fingerprint.
 *
 * Several hosts share one set of rooms with --redis URL (or PARLEY_REDIS_URL), each behind one
 * proxy (--trust-proxy: client addresses from X-Forwarded-For). The host key that lets one
 * participant lock the room and remove others comes from PARLEY_HOST_KEY (an environment
 * variable, not an argument, so it does not show in the process list); give every host the same.
 *
 * With --janus URL (SFU mode, README "Rooms past the mesh") media goes through that Janus, which
 * the host drives and proxies; its secrets come from PARLEY_JANUS_API_SECRET and
 * PARLEY_JANUS_ADMIN_KEY (`npm run janus:config` writes a configuration with them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { shortCode } from '../../src/shared/fingerprint';
import { hostOfHostPort } from '../../src/shared/hostAddress';
import { formatInvite } from '../../src/shared/invite';
import { HOST_KEY_PARAM } from '../../src/shared/organiserLink';
import { DEFAULT_PORT, DEFAULT_ROOM_CAPACITY } from '../../src/shared/protocol';
import { passcodeSchema, roomNameSchema } from '../../src/shared/protocol.schemas';
import { advertiseRoom } from './advertise';
import { fingerprintOf, loadOrCreateCertificate } from './certificate';
import { createSignalingServer } from './index';

const USAGE = `Usage: npm run host -- [--port ${DEFAULT_PORT}] [--room NAME] [--passcode WORDS] [--host 0.0.0.0]
                       [--capacity ${DEFAULT_ROOM_CAPACITY}] [--web DIR]
                       [--tls-dir DIR | --tls-key FILE --tls-cert FILE | --no-tls] [--no-discovery]
                       [--redis redis://HOST:PORT] [--trust-proxy] [--janus ws://127.0.0.1:8188]`;

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_WEB_DIR = resolve(here, '../../out/renderer');
const DEFAULT_TLS_DIR = join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'parley-host');

function fail(message: string): never {
  console.error(`parley host: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      room: { type: 'string' },
      passcode: { type: 'string' },
      host: { type: 'string', default: '0.0.0.0' },
      capacity: { type: 'string', default: String(DEFAULT_ROOM_CAPACITY) },
      'tls-dir': { type: 'string', default: DEFAULT_TLS_DIR },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'no-tls': { type: 'boolean', default: false },
      'no-discovery': { type: 'boolean', default: false },
      web: { type: 'string', default: DEFAULT_WEB_DIR },
      redis: { type: 'string', default: process.env['PARLEY_REDIS_URL'] },
      'trust-proxy': { type: 'boolean', default: false },
      janus: { type: 'string' },
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
  const passcode = values.passcode === undefined ? undefined : passcodeSchema.safeParse(values.passcode);
  if (passcode && !passcode.success) fail(`--passcode: ${passcode.error.issues[0]?.message ?? 'invalid'}`);
  if (Boolean(values['tls-key']) !== Boolean(values['tls-cert'])) fail('--tls-key and --tls-cert go together');
  if (values['no-tls'] && values['tls-key']) fail('--no-tls and --tls-key contradict each other');
  if (values.redis !== undefined && !/^rediss?:\/\/\S+$/.test(values.redis)) fail(`--redis must be a redis:// or rediss:// address, got "${values.redis}"`);
  if (values.janus !== undefined && !/^wss?:\/\/\S+$/.test(values.janus)) fail(`--janus must be a ws:// address, got "${values.janus}"`);
  const janusSecrets = { apiSecret: process.env['PARLEY_JANUS_API_SECRET'] ?? '', adminKey: process.env['PARLEY_JANUS_ADMIN_KEY'] ?? '' };
  if (values.janus !== undefined && (janusSecrets.apiSecret.length < 16 || janusSecrets.adminKey.length < 16)) {
    fail('--janus needs PARLEY_JANUS_API_SECRET and PARLEY_JANUS_ADMIN_KEY (16+ characters each, as in Janus\'s configuration)');
  }
  if (values.janus !== undefined && values.redis !== undefined) fail('--janus runs on one host: it cannot be combined with --redis');
  const hostKey = process.env['PARLEY_HOST_KEY'] || undefined;
  if (hostKey !== undefined && hostKey.length < 16) fail('PARLEY_HOST_KEY must be at least 16 characters');
  return {
    port,
    capacity,
    host: values.host,
    room: room?.data,
    passcode: passcode?.data,
    tls: tlsChoice(values['no-tls'], values['tls-key'], values['tls-cert'], values['tls-dir']),
    discovery: !values['no-discovery'],
    web: resolve(values.web),
    redisUrl: values.redis,
    trustProxy: values['trust-proxy'],
    hostKey,
    janus: values.janus === undefined ? undefined : { url: values.janus, ...janusSecrets },
  };
}

type TlsChoice = 'off' | { key: string; cert: string } | { dir: string };

function tlsChoice(off: boolean, key: string | undefined, cert: string | undefined, dir: string): TlsChoice {
  if (off) return 'off';
  return key && cert ? { key, cert } : { dir };
}

async function loadTls(tls: TlsChoice) {
  if (tls === 'off') return undefined;
  if ('dir' in tls) return loadOrCreateCertificate(tls.dir);
  const cert = readFileSync(tls.cert, 'utf8');
  return { key: readFileSync(tls.key, 'utf8'), cert, fingerprint: fingerprintOf(cert) };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const hasWebClient = existsSync(resolve(options.web, 'index.html'));
  if (!hasWebClient) {
    console.warn(`parley host: no web client in ${options.web} (run "npm run build"); browsers cannot join.`);
  }
  const certificate = await loadTls(options.tls).catch((error: Error) => fail(`TLS: ${error.message}`));
  const server = await createSignalingServer({
    host: options.host,
    port: options.port,
    capacity: options.capacity,
    staticDir: hasWebClient ? options.web : undefined,
    tls: certificate && { key: certificate.key, cert: certificate.cert },
    passcode: options.passcode,
    redisUrl: options.redisUrl,
    trustProxy: options.trustProxy,
    hostKey: options.hostKey,
    janus: options.janus,
  }).catch((error: NodeJS.ErrnoException) => {
    fail(error.code === 'EADDRINUSE' ? `port ${options.port} is already in use` : error.message);
  });

  const scheme = certificate ? 'https' : 'http';
  const query = options.room ? `/?room=${encodeURIComponent(options.room)}` : '/';
  console.log(`Parley host listening on port ${server.port}${options.room ? `, room "${options.room}"` : ''}.`);
  if (certificate) console.log(`Security code (joiners compare it): ${shortCode(certificate.fingerprint)}`);
  if (options.passcode) console.log('Joining needs the passcode you set.');
  if (options.redisUrl) console.log(`Sharing rooms with the other hosts on ${options.redisUrl}.`);
  if (options.janus) console.log(`Media goes through Janus at ${options.janus.url} (SFU mode).`);
  console.log('Open one of these in a browser, or type the address in the app:');
  for (const address of server.addresses) console.log(`  ${scheme}://${address}${query}`);
  // The key itself is not printed (logs are read by more people than should hold it).
  if (options.hostKey) console.log(`The organiser (may lock the room and remove people) opens one of these with #${HOST_KEY_PARAM}=<PARLEY_HOST_KEY, URL-encoded> after it.`);
  if (options.room) {
    console.log('Invite links for the app:');
    for (const address of server.addresses) {
      const host = hostOfHostPort(address);
      console.log(`  ${formatInvite({ host, port: server.port, room: options.room, fingerprint: certificate?.fingerprint, passcode: options.passcode })}`);
    }
  }

  // Apps on the local network list the room (a named room only: that is what they join).
  const advertiser =
    options.discovery && options.room
      ? advertiseRoom({ room: options.room, port: server.port, passcodeRequired: Boolean(options.passcode), fingerprint: certificate?.fingerprint ?? null })
      : undefined;
  if (advertiser) console.log('Announced on the local network (mDNS); --no-discovery turns that off.');

  const stop = (): void => {
    console.log('\nStopping…');
    void (advertiser?.stop() ?? Promise.resolve())
      .then(() => server.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
