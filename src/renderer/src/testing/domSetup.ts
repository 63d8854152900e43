/**
 * What jsdom lacks and React Aria uses, for the component tests only: CSS.escape (to find its own
 * elements by id). The escaping follows CSSOM's serialize-an-identifier for the ids React makes.
 */
if (typeof globalThis.CSS === 'undefined' || typeof globalThis.CSS.escape !== 'function') {
  const escape = (value: string): string => value.replace(/[^\w-]/g, (character) => `\\${character}`).replace(/^(\d)/, '\\3$1 ');
  Object.defineProperty(globalThis, 'CSS', { configurable: true, value: { ...(globalThis.CSS ?? {}), escape } });
}

// jsdom has no canvas and says so on every getContext call; components that paint (the background
// swatches in Settings) get no context here, as in a browser without 2D canvas, and draw nothing.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
