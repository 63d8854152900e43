/**
 * Numbers, sizes, times and durations in the page's language, through Intl (never by hand).
 */
import { useMemo } from 'react';
import { useWords } from './WordsProvider';

/**
 * Binary multiples, as Parley has always counted sizes (a "5.0 MB" file is 5 × 1024² bytes, and the
 * end-to-end tests read it so), with a fixed number of decimals so a size does not change width as
 * it is shown again. Plain bytes take the long unit name: the short one reads "512 byte" in English.
 */
const UNITS = [
  ['byte', 1, 0],
  ['kilobyte', 1024, 1],
  ['megabyte', 1024 ** 2, 1],
  ['gigabyte', 1024 ** 3, 2],
] as const;

/**
 * Formatters made once per language and unit: making an Intl.NumberFormat costs far more than
 * using one, and sizes are formatted on every progress update of every file transfer shown (it was
 * a visible share of a page's time in a profile of a transfer at full speed).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions & { unit: string }): Intl.NumberFormat {
  // Every option in the key: one left out would hand a caller a formatter made for another.
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'unit', ...options })));
  return format;
}

export function formatBytes(locale: string, bytes: number): string {
  const [unit, size, digits] = [...UNITS].reverse().find(([, size]) => bytes >= size) ?? UNITS[0];
  return numberFormat(locale, {
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(bytes / size);
}

export function formatDuration(locale: string, seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const unit = (value: number, name: 'minute' | 'second') => numberFormat(locale, { unit: name, unitDisplay: 'short' }).format(value);
  return minutes > 0 ? `${unit(minutes, 'minute')} ${unit(whole % 60, 'second')}` : unit(whole, 'second');
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(locale: string): Intl.DateTimeFormat {
  let format = timeFormats.get(locale);
  if (!format) timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' })));
  return format;
}

export function useFormat() {
  const { locale } = useWords();
  return useMemo(
    () => ({
      bytes: (bytes: number) => formatBytes(locale, bytes),
      duration: (seconds: number) => formatDuration(locale, seconds),
      time: (date: Date | number) => timeFormat(locale).format(date),
      number: (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value),
    }),
    [locale],
  );
}
