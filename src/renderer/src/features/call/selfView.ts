/**
 * Our own camera's `<video>`: one element for the whole session, moved from the home screen's
 * preview into the call screen's tile rather than a new one made at the join. A new element sets
 * up a new player and draws its first picture at the busiest moment of a join, on the joiner's
 * cores; and the self-view no longer goes black for a moment as the call starts. Moved within one
 * React commit (one task), the element keeps playing: a browser pauses a media element only if it
 * is still out of the document once the task is over.
 */
let element: HTMLVideoElement | undefined;

export function selfViewVideo(): HTMLVideoElement {
  if (!element) {
    element = document.createElement('video');
    element.autoplay = true;
    element.playsInline = true;
    element.muted = true;
  }
  return element;
}
