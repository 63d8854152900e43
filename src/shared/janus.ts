/** What the host's connection to Janus and a page's have in common (SFU mode). */

/** The WebSocket subprotocol Janus's transport speaks. */
export const JANUS_PROTOCOL = 'janus-protocol';

/**
 * A refusal or failure from Janus, with Janus's or VideoRoom's own error code when it
 * gave one: the same for the host's connection to it and a page's.
 */
export class JanusError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'JanusError';
  }
}
