/**
 * `npm run janus:config -- --dir /etc/parley-janus [--port 8188] [--rtp 20000-40000]`: writes the
 * configuration Janus needs to serve Parley (configuration.ts) with fresh secrets, readable by
 * its owner only, the host's two secrets in `parley-host.env` beside them, and prints how to
 * start Janus and the host with them.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { janusConfiguration } from './configuration';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    port: { type: 'string', default: '8188' },
    rtp: { type: 'string', default: '20000-40000' },
  },
});
if (!values.dir) {
  console.error('Usage: npm run janus:config -- --dir FOLDER [--port 8188] [--rtp 20000-40000]');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be 1-65535, got "${values.port}"`);
  process.exit(2);
}
if (!/^\d+-\d+$/.test(values.rtp)) {
  console.error(`--rtp must be MIN-MAX, got "${values.rtp}"`);
  process.exit(2);
}
const folder = resolve(values.dir);
const apiSecret = randomBytes(24).toString('base64url');
const adminKey = randomBytes(24).toString('base64url');
mkdirSync(folder, { recursive: true, mode: 0o700 });
for (const [name, text] of Object.entries(janusConfiguration({ wsPort: port, apiSecret, adminKey, rtpPorts: values.rtp }))) {
  const file = join(folder, name);
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}
const environment = join(folder, 'parley-host.env');
writeFileSync(environment, `PARLEY_JANUS_API_SECRET=${apiSecret}\nPARLEY_JANUS_ADMIN_KEY=${adminKey}\n`, { mode: 0o600 });
chmodSync(environment, 0o600);
console.log(`Janus's configuration for Parley is in ${folder}. Start Janus with:

  janus -F ${folder} -C ${join(folder, 'janus.jcfg')}

and the Parley host with the secrets from ${environment} in its environment (a systemd
EnvironmentFile, or):

  set -a; . ${environment}; set +a
  npm run host -- --room all-hands --capacity 50 --janus ws://127.0.0.1:${port}

Participants need UDP ports ${values.rtp} of this machine reachable, for media to and from Janus.`);
