/**
 * The one map of IPC channels between the renderer and the main process, with their argument and
 * result types. Main registers a handler per channel from this map; preload wraps each channel in a
 * named function of `window.parley`. Results travel as `IpcResult` rather than thrown errors, whose
 * messages Electron rewrites on the way.
 */
import type { ProtocolError } from './protocol';

export type IpcErrorCode = 'BAD_REQUEST' | 'UNTRUSTED_SENDER' | 'PORT_IN_USE' | 'HOSTING_FAILED';

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: { code: IpcErrorCode | ProtocolError['code']; message: string } };

export interface HostingStartRequest {
  room: string;
  /** Omit for the default port (falling back to a free one when it is taken). */
  port?: number;
}

export interface HostingStatus {
  running: boolean;
  room: string | null;
  port: number | null;
  /** Where this machine's own renderer connects (loopback). */
  localUrl: string | null;
  /** What others type, `host:port`, best first. */
  addresses: string[];
}

export const IPC_CHANNELS = {
  hostingStart: 'hosting:start',
  hostingStop: 'hosting:stop',
  hostingStatus: 'hosting:status',
} as const;

export interface IpcContract {
  [IPC_CHANNELS.hostingStart]: { args: [request: HostingStartRequest]; result: IpcResult<HostingStatus> };
  [IPC_CHANNELS.hostingStop]: { args: []; result: IpcResult<HostingStatus> };
  [IPC_CHANNELS.hostingStatus]: { args: []; result: IpcResult<HostingStatus> };
}

export type IpcChannel = keyof IpcContract;

/** What preload exposes as `window.parley`: named functions only, never `ipcRenderer` itself. */
export interface ParleyBridge {
  readonly platform: string;
  readonly hosting: {
    start(request: HostingStartRequest): Promise<IpcResult<HostingStatus>>;
    stop(): Promise<IpcResult<HostingStatus>>;
    status(): Promise<IpcResult<HostingStatus>>;
  };
}
