/**
 * The user's own background picture: made small enough to keep (at most 1280×720, JPEG), kept
 * under its own storage key so the settings saved on every change stay a few hundred bytes, and
 * read back at start. Only this machine ever has it; it goes to the others as part of our video.
 */
import { decodeBase64 } from '../call/decodeBase64';

const STORAGE_KEY = 'parley.ownBackground';
const MAX_WIDTH = 1280;
const MAX_HEIGHT = 720;
const JPEG_QUALITY = 0.85;
/** Larger files are refused before decoding: a photo is a few MB, a 100 MB file is a mistake. */
export const MAX_PICTURE_BYTES = 40 * 1024 * 1024;

export type PictureProblem = 'too-large' | 'unreadable';

export class OwnBackgroundError extends Error {
  constructor(readonly problem: PictureProblem) {
    super(`The picture cannot be used as a background: ${problem}`);
  }
}

function dataUrlToBlob(dataUrl: string): Blob | null {
  const match = /^data:(image\/[a-z]+);base64,(.+)$/.exec(dataUrl);
  return match ? new Blob([decodeBase64(match[2]!)], { type: match[1] }) : null;
}

/** Whether a picture is kept, without decoding it (the settings only list it). */
export function ownBackgroundKept(storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    return Boolean(storage?.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

/** The kept picture, or null (none, or storage unreadable). */
export function loadOwnBackground(storage: Storage | undefined = globalThis.localStorage): Blob | null {
  try {
    const saved = storage?.getItem(STORAGE_KEY);
    return saved ? dataUrlToBlob(saved) : null;
  } catch {
    return null;
  }
}

/**
 * Decodes the chosen file, scales it down to fit 1280×720 (never up) and re-encodes it as JPEG.
 * Throws OwnBackgroundError when it is too large or not a picture the browser can read.
 */
export async function prepareOwnBackground(file: Blob): Promise<{ blob: Blob; dataUrl: string }> {
  if (file.size > MAX_PICTURE_BYTES) throw new OwnBackgroundError('too-large');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new OwnBackgroundError('unreadable');
  }
  const scale = Math.min(1, MAX_WIDTH / bitmap.width, MAX_HEIGHT / bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const dataUrl = canvas.toDataURL('image/jpeg', JPEG_QUALITY);
  const blob = dataUrlToBlob(dataUrl);
  if (!blob) throw new OwnBackgroundError('unreadable');
  return { blob, dataUrl };
}

/** Keeps the picture for the next start; false when storage refused it (full, or blocked). */
export function saveOwnBackground(dataUrl: string, storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    storage?.setItem(STORAGE_KEY, dataUrl);
    return storage !== undefined;
  } catch {
    return false;
  }
}
