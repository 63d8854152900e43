/**
 * Registers one handler per channel of the shared IPC map. Every handler first checks that the
 * message comes from the app's own page (not some other frame), then validates its arguments.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type IpcChannel, type IpcContract, type IpcResult } from '../shared/ipc';
import { hostingStartRequestSchema } from '../shared/ipc.schemas';
import type { HostService } from './hosting';
import type { AppUrlMatcher } from './security';

type Handler<C extends IpcChannel> = (...args: unknown[]) => Promise<IpcContract[C]['result']>;

const untrusted = { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'IPC from an untrusted sender' } } as const;

export function isTrustedSender(event: IpcMainInvokeEvent, isAppUrl: AppUrlMatcher): boolean {
  const frame = event.senderFrame;
  // Only the top frame of the app's own page speaks to main; a frame that has gone away is not trusted.
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  { isAppUrl, hosting }: { isAppUrl: AppUrlMatcher; hosting: HostService },
): void {
  const handle = <C extends IpcChannel>(channel: C, handler: Handler<C>): void => {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => (isTrustedSender(event, isAppUrl) ? handler(...args) : untrusted));
  };

  handle(IPC_CHANNELS.hostingStart, async (request) => {
    const parsed = hostingStartRequestSchema.safeParse(request);
    if (!parsed.success) {
      return { ok: false, error: { code: 'BAD_REQUEST', message: parsed.error.issues[0]?.message ?? 'Invalid request' } };
    }
    return hosting.start(parsed.data);
  });
  handle(IPC_CHANNELS.hostingStop, () => hosting.stop());
  handle(IPC_CHANNELS.hostingStatus, async () => ({ ok: true, data: hosting.status() }) satisfies IpcResult<unknown>);
}
