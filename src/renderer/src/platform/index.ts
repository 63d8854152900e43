/**
 * The bridge the UI talks to. In the desktop app it wraps `window.parley` (from preload); in a
 * browser that opened the host's page it falls back to what a web page can do: no hosting, and the
 * host address and room taken from the page's own address.
 */
import type { ParleyBridge } from '../../../shared/ipc';

export interface JoinSuggestion {
  hostAddress?: string;
  room?: string;
}

export interface Platform {
  kind: 'desktop' | 'browser';
  /** Present only where this machine can host (the desktop app). */
  hosting: ParleyBridge['hosting'] | null;
  /** Prefill for the join form, e.g. from the address a browser opened. */
  suggestion: JoinSuggestion;
  /** The scheme to assume when the user types a bare address. */
  defaultScheme: 'http' | 'https';
}

declare global {
  interface Window {
    parley?: ParleyBridge;
  }
}

export function detectPlatform(win: Window = window): Platform {
  if (win.parley) {
    return { kind: 'desktop', hosting: win.parley.hosting, suggestion: {}, defaultScheme: 'http' };
  }
  const { protocol, host, search } = win.location;
  const servedByHost = protocol === 'http:' || protocol === 'https:';
  const room = new URLSearchParams(search).get('room') ?? undefined;
  return {
    kind: 'browser',
    hosting: null,
    suggestion: servedByHost ? { hostAddress: `${protocol}//${host}`, room } : { room },
    defaultScheme: protocol === 'https:' ? 'https' : 'http',
  };
}

let current: Platform | undefined;

/** The platform of this page, detected once. Tests may replace it with `setPlatform`. */
export function platform(): Platform {
  current ??= detectPlatform();
  return current;
}

export function setPlatform(next: Platform): void {
  current = next;
}
