/**
 * What the app remembers having told the user once (the "Parley is still running" hint), kept in
 * a small JSON file in userData so it is not repeated on every close, across runs. A file that is
 * missing or unreadable means nothing was shown yet; a write that fails costs one more hint.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export function createHintMemory(file: string, key: string, onError: (error: unknown) => void = () => undefined): { shown(): boolean; markShown(): void } {
  const read = (): Record<string, unknown> => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  return {
    shown: () => read()[key] === true,
    markShown: () => {
      try {
        writeFileSync(file, JSON.stringify({ ...read(), [key]: true }));
      } catch (error) {
        onError(error);
      }
    },
  };
}
