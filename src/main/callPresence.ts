/**
 * The call as main knows it, from what the page reports (`call:state`). While a call is on, the
 * display is kept awake: people watch each other without touching the machine, and a screen that
 * dims or locks mid-call is the desktop failing them. Later desktop features (tray, shortcuts,
 * notifications) read and follow the same state.
 */
import type { PowerSaveBlocker } from 'electron';
import { IDLE_CALL, type CallState } from '../shared/ipc';
import type { Log } from './log';

export interface CallPresenceDeps {
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop'>;
  log?: Pick<Log, 'info'>;
}

export class CallPresence {
  private state: CallState = IDLE_CALL;
  private blocker: number | null = null;
  private readonly listeners = new Set<(state: CallState) => void>();

  constructor(private readonly deps: CallPresenceDeps) {}

  current(): CallState {
    return this.state;
  }

  update(state: CallState): void {
    const wasInCall = this.state.inCall;
    this.state = state;
    if (state.inCall && this.blocker === null) this.blocker = this.deps.powerSaveBlocker.start('prevent-display-sleep');
    if (!state.inCall && this.blocker !== null) {
      this.deps.powerSaveBlocker.stop(this.blocker);
      this.blocker = null;
    }
    if (wasInCall !== state.inCall) this.deps.log?.info(state.inCall ? 'call: joined' : 'call: ended', { participants: state.participants });
    for (const listener of this.listeners) listener(state);
  }

  /** The page is gone (crashed, closed): whatever call it had is over. */
  pageGone(): void {
    if (this.state.inCall) this.update(IDLE_CALL);
  }

  onChange(listener: (state: CallState) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
