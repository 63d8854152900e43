/**
 * Main asks the page to act on its call (mute, leave…) with one of the fixed DesktopCommand names.
 * Main never holds the call: the page acts and reports its new state, which the tray then shows.
 */
import type { BrowserWindow } from 'electron';
import { IPC_COMMAND_EVENT, type DesktopCommand } from '../shared/ipc';

/** Sends a command to the page; false when there is no page to take it. */
export type CommandSender = (command: DesktopCommand) => boolean;

export function createCommandSender(window: () => Pick<BrowserWindow, 'isDestroyed' | 'webContents'> | undefined): CommandSender {
  return (command) => {
    const target = window();
    if (!target || target.isDestroyed() || target.webContents.isDestroyed()) return false;
    target.webContents.send(IPC_COMMAND_EVENT, command);
    return true;
  };
}
