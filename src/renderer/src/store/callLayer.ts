/**
 * The call layer (call/callLayer.ts), with what runs beside a call in the store
 * (store/duringCall.ts), is fetched apart: drawing the home screen needs neither, so the first
 * JavaScript is smaller. It is fetched as soon as the home screen starts getting a join ready
 * (store/joinAhead.ts), well before a click on Join, which awaits the same promise.
 */
type CallLayer = typeof import('../call/callLayer') & typeof import('./duringCall');

let loading: Promise<CallLayer> | undefined;

/** The call layer, fetched once; a failed fetch (the host went away) is tried again next time. */
export function loadCallLayer(): Promise<CallLayer> {
  loading ??= Promise.all([import('../call/callLayer'), import('./duringCall')]).then(
    ([call, duringCall]) => ({ ...call, ...duringCall }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
