/** The page's words: parsed at build time, split by pageWords.ts, main's own left out, a broken message failing the build by name. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGS } from '../src/shared/i18n/catalogs';
import { pageWordsPart } from '../src/shared/i18n/pageWords';
import { compiledCatalogs, compilePageWords } from './compiledCatalogs';

type Hooks = { resolveId: (id: string) => string | null; load: (this: { addWatchFile: (file: string) => void }, id: string) => { code: string } | null };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-words-'));
  for (const locale of ['en', 'zh-CN']) mkdirSync(join(dir, locale));
  const write = (locale: string, area: string, words: Record<string, string>) => writeFileSync(join(dir, locale, `${area}.json`), JSON.stringify(words));
  write('en', 'home', { join: 'Join' });
  write('en', 'call', { leave: 'Leave', people: '{count, plural, one {# person} other {# people}}' });
  write('en', 'main', { quit: 'Quit Parley' });
  write('zh-CN', 'home', { join: '加入' });
  write('zh-CN', 'call', { leave: '离开', people: '{count} 人' });
  write('zh-CN', 'main', { quit: '退出 Parley' });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What `import … from 'virtual:parley-words/<id>'` gives, through the plugin's own hooks. */
function wordsModule(id: string, watched: string[] = []): Record<string, unknown> {
  const plugin = compiledCatalogs(dir) as Plugin & Hooks;
  const resolved = plugin.resolveId(`virtual:parley-words/${id}`);
  if (!resolved) throw new Error('not resolved');
  const result = plugin.load.call({ addWatchFile: (file) => watched.push(file) }, resolved);
  return JSON.parse(result!.code.replace(/^export default /, '').replace(/;$/, '')) as Record<string, unknown>;
}

describe('the page words modules', () => {
  it('give each message as the tree the ICU parser makes of it, English split into the home part and the rest', () => {
    expect(wordsModule('en/home')).toEqual({ 'home.join': parse('Join') });
    expect(wordsModule('en/later')).toEqual({ 'call.leave': parse('Leave'), 'call.people': parse('{count, plural, one {# person} other {# people}}') });
  });

  it('give another language whole, without the main process words, and watch its files', () => {
    const watched: string[] = [];
    expect(Object.keys(wordsModule('zh-CN', watched)).sort()).toEqual(['call.leave', 'call.people', 'home.join']);
    expect(watched.map((file) => file.slice(dir.length))).toEqual(['/zh-CN/call.json', '/zh-CN/home.json', '/zh-CN/main.json']);
  });

  it('fail on a broken message, naming the file and the key', () => {
    writeFileSync(join(dir, 'en', 'call.json'), JSON.stringify({ broken: 'Hello {name' }));
    expect(() => wordsModule('en/later')).toThrow(/call\.json: "broken" is not a valid ICU message/);
  });

  it('refuse a module that does not exist, and leave every other import alone', () => {
    expect(() => wordsModule('en')).toThrow(/no such words module/);
    expect(() => wordsModule('fr/home')).toThrow(/no such words module/);
    expect((compiledCatalogs(dir) as Plugin & Hooks).resolveId('./catalogs/en/call.json')).toBeNull();
  });
});

describe('the real catalogs', () => {
  it('reach the page whole: every word but the main process own, in one English part or the other', () => {
    const home = compilePageWords(join(import.meta.dirname, '../src/shared/i18n/catalogs'), 'en', 'home').words;
    const later = compilePageWords(join(import.meta.dirname, '../src/shared/i18n/catalogs'), 'en', 'later').words;
    const page = Object.keys(CATALOGS.en).filter((key) => pageWordsPart(key) !== null);
    expect(Object.keys({ ...home, ...later }).sort()).toEqual(page.sort());
    expect(Object.keys(home).filter((key) => key in later)).toEqual([]);
    expect(page.length).toBeLessThan(Object.keys(CATALOGS.en).length);
    expect(Object.keys(home).length).toBeGreaterThan(0);
  });
});
