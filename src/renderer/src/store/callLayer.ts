/**
 * The call layer (call/callLayer.ts) is a chunk of its own: drawing the home screen does not need
 * it, so the first JavaScript is smaller. It is fetched as soon as the home screen starts getting
 * a join ready (store/joinAhead.ts), well before a click on Join, which awaits the same promise.
 */
type CallLayer = typeof import('../call/callLayer');

let loading: Promise<CallLayer> | undefined;

/** The call layer, fetched once; a failed fetch (the host went away) is tried again next time. */
export function loadCallLayer(): Promise<CallLayer> {
  loading ??= import('../call/callLayer').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
