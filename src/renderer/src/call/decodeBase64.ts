/** Bytes carried as base64 inside a chunk (vite/inlineBytes.ts), decoded in memory without fetch. */
export function decodeBase64(base64: string): ArrayBuffer {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes.buffer;
}
