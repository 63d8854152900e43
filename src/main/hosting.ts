/**
 * HostService: the embedded signaling server behind "Host a room". At most one runs at a time;
 * starting again replaces it. Plain Node (no Electron), so it is tested with a real server.
 *
 * With a certificate folder it speaks TLS with the app's own kept certificate (see
 * signaling-server/src/certificate.ts); its fingerprint goes into invite links. Each start makes a
 * new host key: the secret that lets this app's participant lock the room and remove people.
 */
import { randomBytes } from 'node:crypto';
import type { AdvertiseRoom, Advertiser } from '../../signaling-server/src/advertise';
import { loadOrCreateCertificate, type HostCertificate } from '../../signaling-server/src/certificate';
import { createSignalingServer, type SignalingServer, type SignalingServerOptions } from '../../signaling-server/src/index';
import type { HostingStartRequest, HostingStatus, IpcResult } from '../shared/ipc';
import { DEFAULT_PORT } from '../shared/protocol';

export interface HostServiceOptions {
  /** The built renderer, served so that browsers can join too. */
  staticDir?: string;
  /** All interfaces by default, so the network can reach the room. */
  host?: string;
  defaultPort?: number;
  /** Browser origins allowed besides the host's own pages and the packaged app (the dev server). */
  allowedOrigins?: string[];
  /** Where the TLS certificate is kept (made on first use). Without it the server speaks plain HTTP. */
  certificateDir?: string;
  /** Announces the room on the local network (mDNS); withdrawn when hosting stops. */
  advertise?: AdvertiseRoom;
  /** Hosting started or stopped (the tray shows it). */
  onChange?: (status: HostingStatus) => void;
}

const STOPPED: HostingStatus = {
  running: false,
  room: null,
  port: null,
  localUrl: null,
  addresses: [],
  hostKey: null,
  fingerprint: null,
  passcode: null,
};

interface Running {
  server: SignalingServer;
  room: string;
  hostKey: string;
  passcode: string | null;
  fingerprint: string | null;
  advertiser: Advertiser | undefined;
}

export class HostService {
  private running: Running | undefined;
  private certificate: Promise<HostCertificate> | undefined;

  constructor(private readonly options: HostServiceOptions = {}) {}

  async start({ room, port, passcode }: HostingStartRequest): Promise<IpcResult<HostingStatus>> {
    await this.stop();
    const hostKey = randomBytes(24).toString('base64url');
    try {
      const { server, fingerprint } = await this.listen(port, { hostKey, passcode });
      const advertiser = this.options.advertise?.({ room, port: server.port, passcodeRequired: passcode !== undefined, fingerprint });
      this.running = { server, room, hostKey, passcode: passcode ?? null, fingerprint, advertiser };
      this.options.onChange?.(this.status());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') {
        return { ok: false, error: { code: 'PORT_IN_USE', message: `Port ${port} is already in use on this machine` } };
      }
      return { ok: false, error: { code: 'HOSTING_FAILED', message: `Could not start hosting: ${(error as Error).message}` } };
    }
    return { ok: true, data: this.status() };
  }

  async stop(): Promise<IpcResult<HostingStatus>> {
    const running = this.running;
    this.running = undefined;
    await running?.advertiser?.stop();
    await running?.server.close();
    if (running) this.options.onChange?.(STOPPED);
    return { ok: true, data: STOPPED };
  }

  status(): HostingStatus {
    const running = this.running;
    if (!running) return STOPPED;
    const { server, room, hostKey, passcode, fingerprint } = running;
    return { running: true, room, port: server.port, localUrl: server.url, addresses: server.addresses, hostKey, fingerprint, passcode };
  }

  /** An explicit port must be free; the default port falls back to any free port when taken. */
  private async listen(
    port: number | undefined,
    secrets: { hostKey: string; passcode?: string },
  ): Promise<{ server: SignalingServer; fingerprint: string | null }> {
    const dir = this.options.certificateDir;
    if (dir) this.certificate ??= loadOrCreateCertificate(dir);
    const tls = this.certificate ? await this.certificate : undefined;
    const server = await this.listenOn(port, {
      host: this.options.host ?? '0.0.0.0',
      staticDir: this.options.staticDir,
      allowedOrigins: this.options.allowedOrigins,
      tls: tls && { key: tls.key, cert: tls.cert },
      ...secrets,
    });
    return { server, fingerprint: tls?.fingerprint ?? null };
  }

  private async listenOn(port: number | undefined, base: SignalingServerOptions): Promise<SignalingServer> {
    if (port !== undefined) return createSignalingServer({ ...base, port });
    try {
      return await createSignalingServer({ ...base, port: this.options.defaultPort ?? DEFAULT_PORT });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      return createSignalingServer({ ...base, port: 0 });
    }
  }
}
