/**
 * Something the page tells the desktop app's main process about itself (its call, its
 * preferences): sent at once, then whenever it changes; a refusal or a failure is reported on the
 * console and the page goes on. Returns the unsubscribe.
 */
import type { IpcResult } from '../../../shared/ipc';
import type { ParleyState } from './index';

export interface ObservedStore {
  getState(): ParleyState;
  subscribe(listener: (state: ParleyState) => void): () => void;
}

export function reportToDesktop<T>(
  store: ObservedStore,
  { pick, same, send, what }: { pick: (state: ParleyState) => T; same: (a: T, b: T) => boolean; send: (value: T) => Promise<IpcResult<null>>; what: string },
): () => void {
  const report = (value: T): void => {
    send(value).then(
      (result) => {
        if (!result.ok) console.warn(`Parley: the app did not take the ${what}`, result.error);
      },
      (error: unknown) => console.warn(`Parley: could not report the ${what}`, error),
    );
  };
  let last = pick(store.getState());
  report(last);
  return store.subscribe((state) => {
    const next = pick(state);
    if (same(next, last)) return;
    last = next;
    report(next);
  });
}
