import { parse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs';
import { pseudoCatalog, pseudoLocalize } from './pseudo';

describe('the pseudo-locale', () => {
  it('accents the text, makes it 40% longer and brackets it, keeping placeholders and plurals', () => {
    expect(pseudoLocalize('Join')).toBe('[Ĵóíñ ~~]');
    const people = pseudoLocalize('{count, plural, one {# person} other {# people}}');
    expect(new IntlMessageFormat(people, 'en').format({ count: 3 })).toBe('[3 péópĺé ~~~]');
    expect(new IntlMessageFormat(people, 'en').format({ count: 1 })).toBe('[1 péŕšóñ ~~~]');
    expect(new IntlMessageFormat(pseudoLocalize('Pin {name}'), 'en').format({ name: 'Ada' })).toBe('[Píñ Ada ~~]');
  });

  it('keeps every catalog message valid ICU with the same arguments', () => {
    const pseudo = pseudoCatalog(CATALOGS.en);
    for (const [key, text] of Object.entries(pseudo)) {
      expect(() => parse(text), key).not.toThrow();
      expect(text.length, key).toBeGreaterThan(CATALOGS.en[key as keyof typeof pseudo].length);
    }
  });
});
