/** The catalogs reach the page parsed: each message its ICU tree, a broken one failing the build by name. */
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { compiledCatalogs } from './compiledCatalogs';

type Transform = (code: string, id: string) => { code: string } | null;
const transform = (compiledCatalogs() as Plugin & { transform: Transform }).transform;

const CATALOG = '/work/parley/src/shared/i18n/catalogs/en/call.json';

describe('compiledCatalogs', () => {
  it('turns each message of a catalog into the tree the ICU parser makes of it', () => {
    const messages = { leave: 'Leave', people: '{count, plural, one {# person} other {# people}}', named: 'Pin <b>{name}</b>' };
    const result = transform(JSON.stringify(messages), CATALOG);
    expect(JSON.parse(result!.code)).toEqual({ leave: parse(messages.leave), people: parse(messages.people), named: parse(messages.named) });
  });

  it('fails on a broken message, naming the file and the key', () => {
    expect(() => transform(JSON.stringify({ broken: 'Hello {name' }), CATALOG)).toThrow(/call\.json: "broken" is not a valid ICU message/);
  });

  it('leaves every other JSON file as it is', () => {
    expect(transform('{"name":"parley"}', '/work/parley/package.json')).toBeNull();
    expect(transform('{"a":"b"}', '/work/parley/src/shared/i18n/other.json')).toBeNull();
  });
});
