/**
 * The app's launch state, shared by every part of the stand-in: Electron refuses many things before
 * `ready`, and a test that forgets that must fail here as it would in the real app.
 */
export const launch = {
  ready: false,
  quitting: false,
  /** Set when the app has exited (app.quit() went through, or app.exit()). */
  exitCode: null as number | null,
};

/** Throws Electron's own error when `what` is used before `ready`. */
export function requireReady(message: string): void {
  if (!launch.ready) throw new Error(message);
}
