/**
 * `ipcMain` as Electron 45 keeps it (lib/browser/ipc-main-impl.ts): one handler per channel, a
 * second `handle` for the same channel throws; `invoke` from a page carries its sender and frame,
 * and what a handler returns crosses the process boundary by structured clone.
 */
import { EventEmitter } from 'node:events';
import type { StandInWebContents } from './windows';

type InvokeHandler = (event: InvokeEvent, ...args: unknown[]) => unknown;

export interface InvokeEvent {
  sender: StandInWebContents;
  senderFrame: { url: string; parent: null } | null;
  processId: number;
  frameId: number;
}

export class StandInIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof handler !== 'function') throw new Error(`Expected handler to be a function, but found type '${typeof handler}'`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * Test control: a page calls ipcRenderer.invoke(channel, ...args). `frameUrl` is the sending
   * frame's URL (by default the contents' own page; null for a frame that has gone away).
   */
  async invoke(sender: StandInWebContents, channel: string, args: unknown[] = [], frameUrl: string | null = sender.getURL()): Promise<unknown> {
    const handler = this.handlers.get(channel);
    // The renderer sees this rejection: "Error invoking remote method '…': Error: No handler registered for '…'".
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event: InvokeEvent = { sender, senderFrame: frameUrl === null ? null : { url: frameUrl, parent: null }, processId: 1, frameId: 1 };
    return structuredClone(await handler(event, ...structuredClone(args)));
  }
}
