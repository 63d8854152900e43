/**
 * The catalogs are complete and used: every language has exactly English's keys, with the same
 * placeholders, every message is valid ICU, and every key is used somewhere in the code (keys are
 * always written out in full, never assembled, so a plain search finds them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS, type MessageKey } from './catalogs';
import { LOCALES } from './locales';

const english = CATALOGS.en;
const keys = Object.keys(english) as MessageKey[];

/** The names of a message's arguments ({name}, {count, plural, …}), nested ones included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'catalogs' || name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the message catalogs', () => {
  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the English keys, with the same placeholders', (locale) => {
    const catalog = CATALOGS[locale];
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect([...argumentsOf(parse(catalog[key]))].sort(), `${locale} ${key}`).toEqual([...argumentsOf(parse(english[key]))].sort());
    }
  });

  it.each(LOCALES)('%s: every message is valid ICU MessageFormat and not empty', (locale) => {
    for (const [key, text] of Object.entries(CATALOGS[locale])) {
      expect(() => parse(text), `${locale} ${key}`).not.toThrow();
      expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('uses every key somewhere in the code', () => {
    const root = join(__dirname, '../../..');
    const code = sourceFiles(join(root, 'src'))
      .concat(sourceFiles(join(root, 'signaling-server/src')))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = keys.filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`));
    expect(unused, `unused keys (or assembled from parts: write them out in full) — ${relative(root, __dirname)}/catalogs`).toEqual([]);
  });
});
