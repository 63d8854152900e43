import { describe, expect, it } from 'vitest';
import { matchLocale } from './locales';

describe('picking the language', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-Hans-SG'], 'zh-CN'],
    [['zh-TW'], 'zh-TW'],
    [['zh-Hant'], 'zh-TW'],
    [['zh-HK'], 'zh-TW'],
    [['zh_TW'], 'zh-TW'],
    [['zh-Hans-HK'], 'zh-CN'],
    [['en-GB'], 'en'],
    [['fr-FR', 'zh-TW', 'en'], 'zh-TW'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (preferred, expected) => {
    expect(matchLocale(preferred)).toBe(expected);
  });
});
