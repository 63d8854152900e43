import { describe, expect, it } from 'vitest';
import { loadOwnBackground, MAX_PICTURE_BYTES, ownBackgroundKept, OwnBackgroundError, prepareOwnBackground, saveOwnBackground } from './ownBackground';

/** A Storage over a Map, which can be made to refuse writes as a full one does. */
function memoryStorage(refuse = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe("the user's own background picture", () => {
  it('is kept under its own key and read back as the same JPEG bytes', async () => {
    const storage = memoryStorage();
    expect(loadOwnBackground(storage)).toBeNull();
    expect(ownBackgroundKept(storage)).toBe(false);
    const bytes = [0xff, 0xd8, 0xff, 0xe0, 1, 2, 3];
    expect(saveOwnBackground(`data:image/jpeg;base64,${btoa(String.fromCharCode(...bytes))}`, storage)).toBe(true);
    expect(ownBackgroundKept(storage)).toBe(true);
    const loaded = loadOwnBackground(storage)!;
    expect(loaded.type).toBe('image/jpeg');
    expect([...new Uint8Array(await loaded.arrayBuffer())]).toEqual(bytes);
  });

  it('says so when storage refuses it, and reads nothing from a garbled entry', () => {
    expect(saveOwnBackground('data:image/jpeg;base64,AAAA', memoryStorage(true))).toBe(false);
    const storage = memoryStorage();
    storage.setItem('parley.ownBackground', 'javascript:alert(1)');
    expect(loadOwnBackground(storage)).toBeNull();
  });

  it('refuses a file too large before decoding it, and one that is not a picture', async () => {
    const huge = new Blob([new Uint8Array(MAX_PICTURE_BYTES + 1)], { type: 'image/png' });
    await expect(prepareOwnBackground(huge)).rejects.toMatchObject({ problem: 'too-large' });
    // Here (no createImageBitmap), as in a browser given a text file, it cannot be decoded.
    const text = new Blob(['not a picture'], { type: 'text/plain' });
    const refusal = await prepareOwnBackground(text).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(OwnBackgroundError);
    expect((refusal as OwnBackgroundError).problem).toBe('unreadable');
  });
});
