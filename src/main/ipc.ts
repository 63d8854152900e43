/**
 * Registers one handler per channel of the shared IPC map. Every handler first checks that the
 * message comes from the app's own page (not some other frame), then validates its arguments.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNELS, type IpcChannel, type IpcContract, type HostingStatus, type IpcResult, type SaveFileRequest, type SaveFileResult } from '../shared/ipc';
import {
  appPreferencesSchema,
  callStateSchema,
  desktopNotificationSchema,
  hostingStartRequestSchema,
  mediaDeviceKindSchema,
  saveFileRequestSchema,
  screenChoiceSchema,
  trustAcceptRequestSchema,
  trustCheckRequestSchema,
} from '../shared/ipc.schemas';
import type { CallPresence } from './callPresence';
import type { DesktopNotifications } from './desktopNotifications';
import type { GlobalMuteShortcut } from './globalMute';
import type { SystemPushToTalk } from './systemPushToTalk';
import type { Preferences } from './preferences';
import type { HostService } from './hosting';
import type { RoomFinder } from './discovery/roomFinder';
import type { InviteInbox } from './invites';
import type { MediaAccess } from './mediaAccess';
import type { ScreenPicker } from './screenPicker';
import type { TrustService } from './trust/trustService';
import type { AppUrlMatcher } from './security';

type Handler<C extends IpcChannel> = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcContract[C]['result']>;

export interface IpcServices {
  isAppUrl: AppUrlMatcher;
  hosting: HostService;
  mediaAccess: MediaAccess;
  trust: TrustService;
  invites: InviteInbox;
  nearbyRooms: Pick<RoomFinder, 'list'>;
  screenPicker: Pick<ScreenPicker, 'sources' | 'choose'>;
  callPresence: Pick<CallPresence, 'update'>;
  preferences: Pick<Preferences, 'apply'>;
  notifications: Pick<DesktopNotifications, 'show'>;
  globalMute: Pick<GlobalMuteShortcut, 'status'>;
  showWindow: () => void;
  pushToTalk: Pick<SystemPushToTalk, 'status'>;
  /** The hosting server just started: trust its certificate for this app's own connection to it. */
  onHostingStarted?: (status: HostingStatus) => void;
  /** Saves for the window that asked (the dialog is modal to it). */
  saveFile: (sender: WebContents, request: SaveFileRequest) => Promise<SaveFileResult>;
}

const untrusted = { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'IPC from an untrusted sender' } } as const;
const badRequest = (message = 'Invalid request') => ({ ok: false, error: { code: 'BAD_REQUEST', message } }) as const;
const ok = <T>(data: T): IpcResult<T> => ({ ok: true, data });

export function isTrustedSender(event: IpcMainInvokeEvent, isAppUrl: AppUrlMatcher): boolean {
  const frame = event.senderFrame;
  // Only the top frame of the app's own page speaks to main; a frame that has gone away is not trusted.
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, { isAppUrl, hosting, mediaAccess, trust, invites, nearbyRooms, screenPicker, callPresence, preferences, notifications, globalMute, showWindow, pushToTalk, onHostingStarted, saveFile }: IpcServices): void {
  const handle = <C extends IpcChannel>(channel: C, handler: Handler<C>): void => {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => (isTrustedSender(event, isAppUrl) ? handler(event, ...args) : untrusted));
  };

  handle(IPC_CHANNELS.hostingStart, async (_event, request) => {
    const parsed = hostingStartRequestSchema.safeParse(request);
    if (!parsed.success) return badRequest(parsed.error.issues[0]?.message);
    const started = await hosting.start(parsed.data);
    if (started.ok) onHostingStarted?.(started.data);
    return started;
  });
  handle(IPC_CHANNELS.hostingStop, () => hosting.stop());
  handle(IPC_CHANNELS.hostingStatus, async () => ok(hosting.status()));

  handle(IPC_CHANNELS.mediaAccessStatus, async () => ok(mediaAccess.status()));
  handle(IPC_CHANNELS.mediaAccessRequest, async (_event, kind) => {
    const parsed = mediaDeviceKindSchema.safeParse(kind);
    return parsed.success ? ok(await mediaAccess.request(parsed.data)) : badRequest('Ask for "camera", "microphone" or "screen"');
  });
  handle(IPC_CHANNELS.mediaAccessOpenSettings, async (_event, kind) => {
    const parsed = mediaDeviceKindSchema.safeParse(kind);
    return parsed.success ? ok(await mediaAccess.openSettings(parsed.data)) : badRequest('Ask for "camera", "microphone" or "screen"');
  });

  handle(IPC_CHANNELS.trustCheck, async (_event, request) => {
    const parsed = trustCheckRequestSchema.safeParse(request);
    return parsed.success ? trust.check(parsed.data) : badRequest(parsed.error.issues[0]?.message);
  });
  handle(IPC_CHANNELS.trustAccept, async (_event, request) => {
    const parsed = trustAcceptRequestSchema.safeParse(request);
    return parsed.success ? trust.accept(parsed.data) : badRequest(parsed.error.issues[0]?.message);
  });

  handle(IPC_CHANNELS.invitesTake, async () => ok(invites.take()));
  handle(IPC_CHANNELS.discoveryList, async () => ok(nearbyRooms.list()));
  handle(IPC_CHANNELS.screenSources, async () => screenPicker.sources());
  handle(IPC_CHANNELS.screenChoose, async (_event, id) => {
    const parsed = screenChoiceSchema.safeParse(id);
    return parsed.success ? screenPicker.choose(parsed.data) : badRequest('Choose a source id or null');
  });

  handle(IPC_CHANNELS.callState, async (_event, state) => {
    const parsed = callStateSchema.safeParse(state);
    if (!parsed.success) return badRequest(parsed.error.issues[0]?.message);
    callPresence.update(parsed.data);
    return ok(null);
  });

  handle(IPC_CHANNELS.appPreferences, async (_event, chosen) => {
    const parsed = appPreferencesSchema.safeParse(chosen);
    if (!parsed.success) return badRequest(parsed.error.issues[0]?.message);
    preferences.apply(parsed.data);
    return ok(null);
  });

  handle(IPC_CHANNELS.notify, async (_event, notification) => {
    const parsed = desktopNotificationSchema.safeParse(notification);
    if (!parsed.success) return badRequest(parsed.error.issues[0]?.message);
    return ok({ shown: notifications.show(parsed.data) });
  });
  handle(IPC_CHANNELS.shortcutStatus, async () => ok(globalMute.status()));
  handle(IPC_CHANNELS.showWindow, async () => (showWindow(), ok(null)));
  handle(IPC_CHANNELS.pushToTalkStatus, async () => ok(pushToTalk.status()));

  handle(IPC_CHANNELS.filesSave, async (event, request) => {
    const parsed = saveFileRequestSchema.safeParse(request);
    if (!parsed.success) return badRequest(parsed.error.issues[0]?.message);
    try {
      return ok(await saveFile(event.sender, parsed.data));
    } catch (error) {
      return { ok: false, error: { code: 'SAVE_FAILED', message: `The file could not be saved: ${(error as Error).message}` } };
    }
  });
}
