/**
 * One connection's fast start (bandwidth.ts): its camera goes at reduced resolution from the
 * start until FAST_START_MS after it connects, then at full. After its media moves to another path
 * (pathChanges.ts) it starts small again: the resolution step makes the encoder send a keyframe at
 * once, so the other side's picture comes back as soon as packets do, instead of after its
 * decoder gives up on what the old path lost. `changed` is called whenever `active` changes, for
 * the owner to set the camera's encoding again.
 */
import { FAST_START_MS } from './bandwidth';

export class FastStart {
  active = true;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly changed: (starting: boolean) => void) {}

  /** The connection is connected: full resolution FAST_START_MS from now (once per start). */
  connected(): void {
    if (!this.active || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.active = false;
      this.changed(false);
    }, FAST_START_MS);
  }

  /** The media moved to another path while connected: small again now, full a moment later. */
  again(): void {
    if (this.active) return;
    this.active = true;
    this.changed(true);
    this.connected();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
