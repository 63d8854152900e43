/**
 * How long a connection opened ahead of a join stays usable (hosts drop connections that do not
 * join in 15 s). Its own module so the home screen's certificate check can share it without
 * loading the call layer (store/callLayer.ts).
 */
export const WARM_HOST_MAX_AGE_MS = 10_000;
