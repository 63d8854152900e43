/**
 * The renderer's only door to the main process: `window.parley`, a set of named functions, one per
 * IPC channel. `ipcRenderer` itself is never exposed, so a page cannot send on arbitrary channels.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_COMMANDS, IPC_CHANNELS, IPC_COMMAND_EVENT, IPC_EVENTS, type DesktopCommand, type IpcChannel, type IpcContract, type ParleyBridge } from '../shared/ipc';

function invoke<C extends IpcChannel>(channel: C, ...args: IpcContract[C]['args']): Promise<IpcContract[C]['result']> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcContract[C]['result']>;
}

/** The page gets a bare call, never Electron's event object (which holds `sender`). */
function subscribe(channel: (typeof IPC_EVENTS)[keyof typeof IPC_EVENTS], listener: () => void): () => void {
  const relay = (): void => listener();
  ipcRenderer.on(channel, relay);
  return () => void ipcRenderer.removeListener(channel, relay);
}

/** Main's commands are fixed names; anything else is dropped here, before the page sees it. */
function subscribeToCommands(listener: (command: DesktopCommand) => void): () => void {
  const relay = (_event: unknown, command: unknown): void => {
    if ((DESKTOP_COMMANDS as readonly unknown[]).includes(command)) listener(command as DesktopCommand);
  };
  ipcRenderer.on(IPC_COMMAND_EVENT, relay);
  return () => void ipcRenderer.removeListener(IPC_COMMAND_EVENT, relay);
}

const bridge: ParleyBridge = {
  platform: process.platform,
  hosting: {
    start: (request) => invoke(IPC_CHANNELS.hostingStart, request),
    stop: () => invoke(IPC_CHANNELS.hostingStop),
    status: () => invoke(IPC_CHANNELS.hostingStatus),
  },
  mediaAccess: {
    status: () => invoke(IPC_CHANNELS.mediaAccessStatus),
    request: (kind) => invoke(IPC_CHANNELS.mediaAccessRequest, kind),
    openSettings: (kind) => invoke(IPC_CHANNELS.mediaAccessOpenSettings, kind),
  },
  files: {
    save: (request) => invoke(IPC_CHANNELS.filesSave, request),
  },
  trust: {
    check: (request) => invoke(IPC_CHANNELS.trustCheck, request),
    accept: (request) => invoke(IPC_CHANNELS.trustAccept, request),
  },
  invites: {
    take: () => invoke(IPC_CHANNELS.invitesTake),
    onReceived: (listener) => subscribe(IPC_EVENTS.inviteReceived, listener),
  },
  screenPicker: {
    sources: () => invoke(IPC_CHANNELS.screenSources),
    choose: (id) => invoke(IPC_CHANNELS.screenChoose, id),
    onRequested: (listener) => subscribe(IPC_EVENTS.screenPickRequested, listener),
  },
  discovery: {
    list: () => invoke(IPC_CHANNELS.discoveryList),
    onChanged: (listener) => subscribe(IPC_EVENTS.nearbyRoomsChanged, listener),
  },
  call: {
    reportState: (state) => invoke(IPC_CHANNELS.callState, state),
    onCommand: subscribeToCommands,
  },
  notifications: {
    show: (notification) => invoke(IPC_CHANNELS.notify, notification),
  },
  shortcut: {
    status: () => invoke(IPC_CHANNELS.shortcutStatus),
    pushToTalk: () => invoke(IPC_CHANNELS.pushToTalkStatus),
    onChanged: (listener) => subscribe(IPC_EVENTS.shortcutChanged, listener),
  },
  window: {
    show: () => invoke(IPC_CHANNELS.showWindow),
  },
  preferences: {
    report: (preferences) => invoke(IPC_CHANNELS.appPreferences, preferences),
  },
};

contextBridge.exposeInMainWorld('parley', bridge);
