/**
 * The tray's icons, drawn here rather than shipped as files: one glyph per state, so the state
 * reads at a glance in a 16-point tray. Idle is a hollow ring; in a call a filled dot (green);
 * muted a red dot crossed out; hosting adds an outer ring around whichever of those applies.
 * Drawn at 32 px for scale factor 2 (sharp on high-density screens, scaled down elsewhere).
 */
import type { NativeImage } from 'electron';

export type TrayIconState = 'idle' | 'live' | 'muted' | 'hosting-idle' | 'hosting-live' | 'hosting-muted';

const SIZE = 32;
type Colour = readonly [red: number, green: number, blue: number];
const GREY: Colour = [0x8a, 0x8f, 0x98];
const GREEN: Colour = [0x1f, 0xa9, 0x5a];
const RED: Colour = [0xd9, 0x3b, 0x3b];
const WHITE: Colour = [0xff, 0xff, 0xff];
const BLUE: Colour = [0x3b, 0x82, 0xf6];

/** Coverage (0..1) of a pixel by a ring or disc, anti-aliased over one pixel at its edges. */
function coverage(distance: number, inner: number, outer: number): number {
  const fromOuter = Math.min(1, Math.max(0, outer - distance + 0.5));
  const fromInner = inner <= 0 ? 1 : Math.min(1, Math.max(0, distance - inner + 0.5));
  return Math.min(fromOuter, fromInner);
}

/** Pixels as premultiplied BGRA, the layout nativeImage.createFromBitmap reads (Skia's N32). */
export function drawTrayIcon(state: TrayIconState): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  const hosting = state.startsWith('hosting-');
  const core = state.replace('hosting-', '') as 'idle' | 'live' | 'muted';
  const centre = (SIZE - 1) / 2;
  const paint = (index: number, colour: Colour, alpha: number): void => {
    if (alpha <= 0) return;
    const base = index * 4;
    // "over" compositing in premultiplied form
    const keep = 1 - alpha;
    pixels[base] = Math.round(colour[2] * alpha + pixels[base]! * keep);
    pixels[base + 1] = Math.round(colour[1] * alpha + pixels[base + 1]! * keep);
    pixels[base + 2] = Math.round(colour[0] * alpha + pixels[base + 2]! * keep);
    pixels[base + 3] = Math.round(255 * alpha + pixels[base + 3]! * keep);
  };
  for (let y = 0; y < SIZE; y += 1) {
    for (let x = 0; x < SIZE; x += 1) {
      const index = y * SIZE + x;
      const distance = Math.hypot(x - centre, y - centre);
      if (hosting) paint(index, BLUE, coverage(distance, 13, 15.5));
      const radius = hosting ? 10 : 13;
      if (core === 'idle') paint(index, GREY, coverage(distance, radius - 3.5, radius));
      else paint(index, core === 'live' ? GREEN : RED, coverage(distance, 0, radius));
      if (core === 'muted') {
        // A white bar from top-left to bottom-right, across the dot only.
        const across = Math.abs(x - y) / Math.SQRT2;
        if (distance < radius - 2) paint(index, WHITE, Math.min(1, Math.max(0, 2 - across + 0.5)));
      }
    }
  }
  return pixels;
}

export function trayIconState(call: { inCall: boolean; microphoneOn: boolean }, hosting: boolean): TrayIconState {
  const core = !call.inCall ? 'idle' : call.microphoneOn ? 'live' : 'muted';
  return hosting ? `hosting-${core}` : core;
}

/** The images, each made once (a tray that follows a call changes its icon often). */
export function createTrayIcons(createFromBitmap: (buffer: Buffer, options: { width: number; height: number; scaleFactor: number }) => NativeImage): (state: TrayIconState) => NativeImage {
  const made = new Map<TrayIconState, NativeImage>();
  return (state) => {
    let image = made.get(state);
    if (!image) {
      image = createFromBitmap(drawTrayIcon(state), { width: SIZE, height: SIZE, scaleFactor: 2 });
      made.set(state, image);
    }
    return image;
  };
}
