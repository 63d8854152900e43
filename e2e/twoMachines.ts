/**
 * Two "machines" on one box (see ../shared/TESTING.md): network namespaces A and B joined by a
 * veth link, each with its own Chromium, the headless Parley host running in A. The link can be
 * degraded the ways this kernel allows: random UDP loss (nftables), a bandwidth cap (tc tbf), an
 * outage (link down), a change of B's address, and a cut of only the signaling connection.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { RENDERER_DIR } from './fixtures';

export const HOST_PORT = 47100;
/** Machine A's LAN: a bridge holding its address, with the veth to B and a keep-alive veth as its ports. */
const A_LAN = 'pabr0';
const A_LAN_KEEPALIVE = 'padm0';
const SUBNET = '10.77.0';
const CLI = resolve(import.meta.dirname, '../signaling-server/src/cli.ts');

export interface Machine {
  ns: string;
  /** The machine's end of the link between them (on A, a port of A's LAN bridge). */
  iface: string;
  address: string;
  browser: Browser;
}

export interface TwoMachines {
  a: Machine;
  b: Machine;
  /** The host's address as B types it. */
  hostAddress: string;
  hostUrl: string;
  /** Starts coturn on machine A (see startTurnServer); it is stopped with the machines. */
  startTurnServer(): Promise<TurnServer>;
  destroy(): Promise<void>;
}

/** A TURN server the test started, as a user would type it under "Calls beyond this network". */
export interface TurnServer {
  url: string;
  username: string;
  credential: string;
  port: number;
}

export const TURN_PORT = 3478;

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a command inside a namespace. */
export function inNamespace(machine: Pick<Machine, 'ns'>, command: string[]): string {
  return run('ip', ['netns', 'exec', machine.ns, ...command]);
}

/** Whether this machine lets a test make namespaces (root with iproute2 and nftables). */
export function canMakeNamespaces(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    run('ip', ['-V']);
    run('nft', ['--version']);
    return true;
  } catch {
    return false;
  }
}

export async function createTwoMachines(): Promise<TwoMachines> {
  const tag = `${process.pid}${Math.floor(Math.random() * 1e4)}`;
  const folder = mkdtempSync(join(tmpdir(), 'parley-net-'));
  const spec = [
    { ns: `parley-a-${tag}`, iface: 'pa0', address: `${SUBNET}.1` },
    { ns: `parley-b-${tag}`, iface: 'pb0', address: `${SUBNET}.2` },
  ] as const;
  const cleanups: (() => void | Promise<void>)[] = [() => rmSync(folder, { recursive: true, force: true })];
  const destroy = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.warn('two machines: cleanup step failed', error);
      }
    }
  };

  try {
    for (const { ns } of spec) {
      run('ip', ['netns', 'add', ns]);
      cleanups.push(() => void run('ip', ['netns', 'del', ns]));
      inNamespace({ ns }, ['ip', 'link', 'set', 'lo', 'up']);
    }
    const [a, b] = spec;
    run('ip', ['link', 'add', a.iface, 'netns', a.ns, 'type', 'veth', 'peer', 'name', b.iface, 'netns', b.ns]);
    // A's address is on a bridge (its LAN), not on the veth itself: when B's end goes down, the
    // veth's other end loses its carrier too, and A's browser would see its own network drop and
    // come back, which on a real network only the machine that moved sees. A second port (one end
    // of a veth pair kept inside A: this kernel has no dummy devices) keeps the bridge up whatever
    // the link to B does.
    inNamespace(a, ['ip', 'link', 'add', A_LAN, 'type', 'bridge', 'forward_delay', '0']);
    inNamespace(a, ['ip', 'link', 'add', A_LAN_KEEPALIVE, 'type', 'veth', 'peer', 'name', `${A_LAN_KEEPALIVE}p`]);
    for (const port of [a.iface, A_LAN_KEEPALIVE]) inNamespace(a, ['ip', 'link', 'set', port, 'master', A_LAN]);
    for (const port of [a.iface, A_LAN_KEEPALIVE, `${A_LAN_KEEPALIVE}p`]) inNamespace(a, ['ip', 'link', 'set', port, 'up']);
    for (const { ns, iface, address } of [{ ...a, iface: A_LAN }, b]) {
      inNamespace({ ns }, ['ip', 'addr', 'add', `${address}/24`, 'dev', iface]);
      inNamespace({ ns }, ['ip', 'link', 'set', iface, 'up']);
      // A default route, as on any LAN: Chromium gathers candidates on the default-route interface.
      inNamespace({ ns }, ['ip', 'route', 'add', 'default', 'dev', iface]);
    }

    // An IPv6 link-local address turns valid about a second after a link comes up; a browser that
    // sees that happen mid-load fails the load with ERR_NETWORK_CHANGED (seen once in CI). Start
    // everything once the addresses have settled.
    for (const machine of spec) await addressesSettled(machine);

    // The headless host, as someone would run it on machine A.
    const host = spawn('ip', ['netns', 'exec', a.ns, process.execPath, '--import', 'tsx', CLI, '--port', String(HOST_PORT), '--room', 'net', '--tls-dir', join(folder, 'tls'), '--web', RENDERER_DIR, '--no-discovery'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => stopProcess(host));
    await waitForOutput(host, /Parley host listening/);

    const machines: Machine[] = [];
    for (const machine of spec) {
      const wrapper = join(folder, `chromium-${machine.ns}`);
      writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${machine.ns} ${CHROMIUM_PATH} "$@"\n`);
      chmodSync(wrapper, 0o755);
      // The host's certificate is self-signed; a browser joining the served page accepts it as a
      // person would (the app pins it instead; see the trust tests).
      const browser = await chromium.launch({ executablePath: wrapper, args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] });
      cleanups.push(() => browser.close());
      machines.push({ ...machine, browser });
    }
    return {
      a: machines[0]!,
      b: machines[1]!,
      hostAddress: `${a.address}:${HOST_PORT}`,
      hostUrl: `https://${a.address}:${HOST_PORT}`,
      startTurnServer: async () => {
        const turn = await startTurnServer(a, folder);
        cleanups.push(() => stopProcess(turn.process));
        return turn.server;
      },
      destroy,
    };
  } catch (error) {
    await destroy();
    throw error;
  }
}

async function addressesSettled(machine: Pick<Machine, 'ns'>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (inNamespace(machine, ['ip', '-6', 'addr', 'show', 'tentative']).trim() !== '') {
    if (Date.now() - started > timeoutMs) throw new Error(`addresses in ${machine.ns} still tentative after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * coturn (Debian's package) on machine A's address, its own configuration only: long-term
 * credentials for one user, UDP on TURN_PORT, relayed addresses on A from a small port range, no
 * TLS, no admin CLI, nothing written outside the test's folder.
 */
async function startTurnServer(machine: { ns: string; address: string }, folder: string): Promise<{ process: ChildProcess; server: TurnServer }> {
  const server: TurnServer = { url: `turn:${machine.address}:${TURN_PORT}?transport=udp`, username: 'parley', credential: 'relay-secret', port: TURN_PORT };
  const turn = spawn(
    'ip',
    [
      'netns', 'exec', machine.ns, 'turnserver', '-n',
      '--listening-ip', machine.address, '--relay-ip', machine.address, '--listening-port', String(TURN_PORT),
      '--min-port', '49160', '--max-port', '49200',
      '--lt-cred-mech', '--user', `${server.username}:${server.credential}`, '--realm', 'parley.test',
      '--no-tls', '--no-dtls', '--no-cli', '--no-tcp-relay',
      '--pidfile', join(folder, 'turnserver.pid'), '--db', join(folder, 'turndb'), '--log-file', 'stdout', '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Its last words once every thread is up: the (empty) user database is open.
  await waitForOutput(turn, /DB connection success/);
  return { process: turn, server };
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      if (pattern.test(text)) resolvePromise();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${text}`)));
    setTimeout(() => reject(new Error(`host did not start:\n${text}`)), 20_000);
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** 5% (or `percent`) of UDP packets dropped at random, both ways, on B. */
export function addUdpLoss(machine: Machine, percent: number): void {
  const rule = `meta l4proto udp numgen random mod 100 < ${percent} drop`;
  inNamespace(machine, [
    'nft',
    `add table inet parley_loss; add chain inet parley_loss in { type filter hook input priority 0; }; add chain inet parley_loss out { type filter hook output priority 0; }; add rule inet parley_loss in ${rule}; add rule inet parley_loss out ${rule}`,
  ]);
}

/** Caps what this machine sends on its link (apply on both ends to cap both directions). */
export function capBandwidth(machine: Machine, rate: string): void {
  inNamespace(machine, ['tc', 'qdisc', 'add', 'dev', machine.iface, 'root', 'tbf', 'rate', rate, 'burst', '32kbit', 'latency', '200ms']);
}

export function setLink(machine: Machine, state: 'up' | 'down'): void {
  inNamespace(machine, ['ip', 'link', 'set', machine.iface, state]);
  if (state === 'up') {
    // Bringing a link up again does not bring back its routes.
    try {
      inNamespace(machine, ['ip', 'route', 'replace', 'default', 'dev', machine.iface]);
    } catch {
      // Already there.
    }
  }
}

/** Moves the (down) interface to a new address, as after roaming to another network. */
export function changeAddress(machine: Machine, address: string): void {
  inNamespace(machine, ['ip', 'addr', 'flush', 'dev', machine.iface]);
  inNamespace(machine, ['ip', 'addr', 'add', `${address}/24`, 'dev', machine.iface]);
  machine.address = address;
}

/**
 * Cuts only the signaling connection from this machine to the host: its TCP connections to the
 * host's port are refused (reset) until `restore`. UDP, and so the media, is untouched.
 */
export function cutSignaling(machine: Machine, port: number): () => void {
  inNamespace(machine, [
    'nft',
    `add table inet parley_cut; add chain inet parley_cut out { type filter hook output priority 0; }; add rule inet parley_cut out tcp dport ${port} reject with tcp reset`,
  ]);
  try {
    // Kill the established connection now rather than at its next packet.
    inNamespace(machine, ['ss', '-K', 'dport', '=', `:${port}`]);
  } catch {
    // ss -K needs kernel support; the reject rule ends the connection on its next packet anyway.
  }
  return () => inNamespace(machine, ['nft', 'delete table inet parley_cut']);
}

/**
 * Leaves this machine no way to the other but the ones listed: every packet on its link is
 * dropped, both ways, unless it is TCP to or from the host's port (signaling) or to or from one
 * of `alsoAllowed` (a TURN server's port). Loopback inside the namespace is untouched. Media then
 * has no direct path, as between two networks that keep their computers apart.
 */
export function isolateMedia(machine: Machine, hostPort: number, alsoAllowed: number[] = []): void {
  const allowed = [hostPort, ...alsoAllowed].join(', ');
  inNamespace(machine, [
    'nft',
    [
      'add table inet parley_isolate',
      'add chain inet parley_isolate in { type filter hook input priority 0; }',
      'add chain inet parley_isolate out { type filter hook output priority 0; }',
      `add rule inet parley_isolate in iifname "${machine.iface}" tcp sport { ${allowed} } accept`,
      `add rule inet parley_isolate in iifname "${machine.iface}" udp sport { ${allowed} } accept`,
      `add rule inet parley_isolate in iifname "${machine.iface}" drop`,
      `add rule inet parley_isolate out oifname "${machine.iface}" tcp dport { ${allowed} } accept`,
      `add rule inet parley_isolate out oifname "${machine.iface}" udp dport { ${allowed} } accept`,
      `add rule inet parley_isolate out oifname "${machine.iface}" drop`,
    ].join('; '),
  ]);
}
