/**
 * HostService: the embedded signaling server behind "Host a room". At most one runs at a time;
 * starting again replaces it. Plain Node (no Electron), so it is tested with a real server.
 */
import { createSignalingServer, type SignalingServer } from '../../signaling-server/src/index';
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
}

const STOPPED: HostingStatus = { running: false, room: null, port: null, localUrl: null, addresses: [] };

export class HostService {
  private server: SignalingServer | undefined;
  private room: string | null = null;

  constructor(private readonly options: HostServiceOptions = {}) {}

  async start({ room, port }: HostingStartRequest): Promise<IpcResult<HostingStatus>> {
    await this.stop();
    try {
      this.server = await this.listen(port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') {
        return { ok: false, error: { code: 'PORT_IN_USE', message: `Port ${port} is already in use on this machine` } };
      }
      return { ok: false, error: { code: 'HOSTING_FAILED', message: `Could not start hosting: ${(error as Error).message}` } };
    }
    this.room = room;
    return { ok: true, data: this.status() };
  }

  async stop(): Promise<IpcResult<HostingStatus>> {
    const server = this.server;
    this.server = undefined;
    this.room = null;
    await server?.close();
    return { ok: true, data: this.status() };
  }

  status(): HostingStatus {
    const server = this.server;
    if (!server) return STOPPED;
    return { running: true, room: this.room, port: server.port, localUrl: server.url, addresses: server.addresses };
  }

  /** An explicit port must be free; the default port falls back to any free port when taken. */
  private async listen(port: number | undefined): Promise<SignalingServer> {
    const base = { host: this.options.host ?? '0.0.0.0', staticDir: this.options.staticDir, allowedOrigins: this.options.allowedOrigins };
    if (port !== undefined) return createSignalingServer({ ...base, port });
    try {
      return await createSignalingServer({ ...base, port: this.options.defaultPort ?? DEFAULT_PORT });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      return createSignalingServer({ ...base, port: 0 });
    }
  }
}
