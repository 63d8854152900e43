/**
 * The backgrounds Parley offers behind a person, painted with a few canvas calls instead of
 * shipped as images: nothing to load, sharp at any size, and the same code paints the video
 * (in the segmentation worker) and the swatches in Settings. They are quiet on purpose: a busy
 * background draws the eye away from the face and costs the encoder bits.
 */
export const BUILT_IN_BACKGROUNDS = ['dawn', 'lagoon', 'study'] as const;
export type BuiltInBackground = (typeof BUILT_IN_BACKGROUNDS)[number];

/** What is behind the person with 'background-image': one of ours, or the user's own picture. */
export type BackgroundChoice = BuiltInBackground | 'own';

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

const PAINTERS: Record<BuiltInBackground, (context: Context, width: number, height: number) => void> = {
  // A warm sky going pale towards a low sun.
  dawn(context, width, height) {
    const sky = context.createLinearGradient(0, 0, 0, height);
    sky.addColorStop(0, '#3b4a7a');
    sky.addColorStop(0.55, '#d98c7a');
    sky.addColorStop(1, '#f3d6a4');
    context.fillStyle = sky;
    context.fillRect(0, 0, width, height);
    const sun = context.createRadialGradient(width * 0.72, height * 0.78, 0, width * 0.72, height * 0.78, height * 0.5);
    sun.addColorStop(0, 'rgba(255, 244, 214, 0.9)');
    sun.addColorStop(1, 'rgba(255, 244, 214, 0)');
    context.fillStyle = sun;
    context.fillRect(0, 0, width, height);
  },
  // Calm water: a blue-green gradient with soft horizontal bands.
  lagoon(context, width, height) {
    const water = context.createLinearGradient(0, 0, width, height);
    water.addColorStop(0, '#0f4c5c');
    water.addColorStop(1, '#5fa8a0');
    context.fillStyle = water;
    context.fillRect(0, 0, width, height);
    context.fillStyle = 'rgba(255, 255, 255, 0.07)';
    for (let band = 1; band < 6; band++) context.fillRect(0, (height * band) / 6, width, height / 40);
  },
  // A plain wall with a shelf: what a tidy room behind you would look like.
  study(context, width, height) {
    context.fillStyle = '#e8e1d6';
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#b9a58c';
    context.fillRect(width * 0.08, height * 0.34, width * 0.34, height * 0.025);
    const books = ['#6b7f99', '#a3675a', '#7d9269', '#c9a45c', '#5e5a78'];
    books.forEach((colour, index) => {
      const bookHeight = height * (0.1 + (index % 3) * 0.02);
      context.fillStyle = colour;
      context.fillRect(width * (0.1 + index * 0.045), height * 0.34 - bookHeight, width * 0.035, bookHeight);
    });
    context.fillStyle = '#d6cbbb';
    context.fillRect(0, height * 0.86, width, height * 0.14);
  },
};

export function paintBackground(choice: BuiltInBackground, context: Context, width: number, height: number): void {
  PAINTERS[choice](context, width, height);
}

export function isBuiltInBackground(value: unknown): value is BuiltInBackground {
  return typeof value === 'string' && (BUILT_IN_BACKGROUNDS as readonly string[]).includes(value);
}
