/** One catalog's areas as one flat map, `<area>.<name>` → message. */
export function flatten<T extends Record<string, Record<string, string>>>(areas: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [area, messages] of Object.entries(areas)) {
    for (const [name, text] of Object.entries(messages)) out[`${area}.${name}`] = text;
  }
  return out;
}
