/**
 * Parley's log file, one a user can send with a bug report: `main.log` in the app's logs folder
 * (app.getPath('logs')), one line per event (time, level, message, JSON details), kept under a
 * size limit by moving the full file to `main.old.log`. Writes are appended in order and never
 * throw: a log that cannot be written must not take the app down.
 */
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Log {
  readonly file: string;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
  /** Resolves once everything logged so far is on disk. */
  flush(): Promise<void>;
}

export interface LogOptions {
  dir: string;
  /** The file is rotated once it passes this size. */
  maxBytes?: number;
  /** Also print to the console (development). */
  echo?: boolean;
}

export function createLog({ dir, maxBytes = 1024 * 1024, echo = false }: LogOptions): Log {
  const file = join(dir, 'main.log');
  let queue: Promise<void> = mkdir(dir, { recursive: true }).then(() => undefined, () => undefined);

  const write = (level: LogLevel, message: string, details?: Record<string, unknown>): void => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${details ? ` ${safeJson(details)}` : ''}\n`;
    if (echo) (level === 'info' ? console.log : console.warn)(`Parley: ${line.trimEnd()}`);
    queue = queue.then(async () => {
      try {
        const size = await stat(file).then((info) => info.size, () => 0);
        if (size + line.length > maxBytes) await rename(file, join(dir, 'main.old.log'));
        await appendFile(file, line);
      } catch {
        // Nowhere left to report it; the app goes on.
      }
    });
  };

  return {
    file,
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
    flush: () => queue,
  };
}

function safeJson(details: Record<string, unknown>): string {
  try {
    return JSON.stringify(details, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message } : value));
  } catch {
    return '"(details could not be written)"';
  }
}
