/**
 * Compares parts of a remote participant's video, as a page shows it, with a reference picture:
 * how far each region's pixels are from the reference's (mean absolute difference per colour
 * channel, 0–255). Used to prove that a background effect changes the background and leaves the
 * person alone.
 */
import type { Page } from '@playwright/test';

/** A rectangle in the reference picture's own pixels. */
export interface Region {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function regionDifferences(page: Page, peerName: string, reference: string, regions: Region[]): Promise<Record<string, number>> {
  return page.getByRole('figure', { name: peerName, exact: true }).locator('video').evaluate(
    async (element, { reference, regions }) => {
      const video = element as HTMLVideoElement;
      const picture = new Image();
      picture.src = reference;
      await picture.decode();
      // Both drawn at the video's size: the sender or the network may have scaled it down.
      const draw = (source: CanvasImageSource): ImageData => {
        const canvas = document.createElement('canvas');
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(source, 0, 0, canvas.width, canvas.height);
        return context.getImageData(0, 0, canvas.width, canvas.height);
      };
      const seen = draw(video);
      const expected = draw(picture);
      const [sx, sy] = [video.videoWidth / picture.naturalWidth, video.videoHeight / picture.naturalHeight];
      const result: Record<string, number> = {};
      for (const region of regions) {
        let total = 0;
        let count = 0;
        for (let y = Math.floor(region.y * sy); y < Math.floor((region.y + region.height) * sy); y++) {
          for (let x = Math.floor(region.x * sx); x < Math.floor((region.x + region.width) * sx); x++) {
            const at = (y * seen.width + x) * 4;
            for (let channel = 0; channel < 3; channel++) total += Math.abs(seen.data[at + channel]! - expected.data[at + channel]!);
            count += 3;
          }
        }
        result[region.name] = total / count;
      }
      return result;
    },
    { reference, regions },
  );
}
