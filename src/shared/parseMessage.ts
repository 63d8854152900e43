/**
 * Reading one JSON message from a peer's data channel: a string, of bounded size, that parses and
 * matches its schema; anything else is undefined (and ignored by the caller).
 */
import type { z } from 'zod';

export function parseJsonMessage<T>(raw: unknown, schema: z.ZodType<T>, maxBytes: number): T | undefined {
  if (typeof raw !== 'string' || raw.length > maxBytes) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
