/**
 * The mini window: a small always-on-top window with the active speaker while the main window is
 * hidden or minimised during a call. The page opens it with window.open(MINI_WINDOW_URL,
 * MINI_WINDOW_NAME) and renders into it (same document origin, so the call's streams play there);
 * main lets exactly this one through its window-open handler, for the app's own page only.
 */
export const MINI_WINDOW_NAME = 'parley-mini';
export const MINI_WINDOW_URL = 'about:blank';
export const MINI_WINDOW_SIZE = { width: 320, height: 240 } as const;
