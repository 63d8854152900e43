/**
 * Every word a user sees, in each language Parley speaks: one ICU MessageFormat catalog per
 * language and area (catalogs/<locale>/<area>.json), read by the renderer (react-intl) and by
 * main (@formatjs/intl) alike. A key is `<area>.<name>`; English is the reference, and
 * catalogs.test.ts holds the other languages to exactly its keys and placeholders.
 */
import enCall from './catalogs/en/call.json' with { type: 'json' };
import enCollab from './catalogs/en/collab.json' with { type: 'json' };
import enCommon from './catalogs/en/common.json' with { type: 'json' };
import enDesktop from './catalogs/en/desktop.json' with { type: 'json' };
import enErrors from './catalogs/en/errors.json' with { type: 'json' };
import enHome from './catalogs/en/home.json' with { type: 'json' };
import enMain from './catalogs/en/main.json' with { type: 'json' };
import enMedia from './catalogs/en/media.json' with { type: 'json' };
import enNotices from './catalogs/en/notices.json' with { type: 'json' };
import enSettings from './catalogs/en/settings.json' with { type: 'json' };
import zhCnCall from './catalogs/zh-CN/call.json' with { type: 'json' };
import zhCnCollab from './catalogs/zh-CN/collab.json' with { type: 'json' };
import zhCnCommon from './catalogs/zh-CN/common.json' with { type: 'json' };
import zhCnDesktop from './catalogs/zh-CN/desktop.json' with { type: 'json' };
import zhCnErrors from './catalogs/zh-CN/errors.json' with { type: 'json' };
import zhCnHome from './catalogs/zh-CN/home.json' with { type: 'json' };
import zhCnMain from './catalogs/zh-CN/main.json' with { type: 'json' };
import zhCnMedia from './catalogs/zh-CN/media.json' with { type: 'json' };
import zhCnNotices from './catalogs/zh-CN/notices.json' with { type: 'json' };
import zhCnSettings from './catalogs/zh-CN/settings.json' with { type: 'json' };
import zhTwCall from './catalogs/zh-TW/call.json' with { type: 'json' };
import zhTwCollab from './catalogs/zh-TW/collab.json' with { type: 'json' };
import zhTwCommon from './catalogs/zh-TW/common.json' with { type: 'json' };
import zhTwDesktop from './catalogs/zh-TW/desktop.json' with { type: 'json' };
import zhTwErrors from './catalogs/zh-TW/errors.json' with { type: 'json' };
import zhTwHome from './catalogs/zh-TW/home.json' with { type: 'json' };
import zhTwMain from './catalogs/zh-TW/main.json' with { type: 'json' };
import zhTwMedia from './catalogs/zh-TW/media.json' with { type: 'json' };
import zhTwNotices from './catalogs/zh-TW/notices.json' with { type: 'json' };
import zhTwSettings from './catalogs/zh-TW/settings.json' with { type: 'json' };
import type { Locale } from './locales';

const ENGLISH = {
  call: enCall,
  collab: enCollab,
  common: enCommon,
  desktop: enDesktop,
  errors: enErrors,
  home: enHome,
  main: enMain,
  media: enMedia,
  notices: enNotices,
  settings: enSettings,
};

type Areas = typeof ENGLISH;
/** Every message's key, `<area>.<name>`, checked by the compiler wherever one is used. */
export type MessageKey = { [A in keyof Areas & string]: `${A}.${keyof Areas[A] & string}` }[keyof Areas & string];
/** Values an ICU message takes: `{name}`, `{count, plural, …}`. */
export type MessageValues = Record<string, string | number | Date>;
/** A message to show later (a notice, an error): kept as its key and values, worded when shown. */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

type AreaTexts = { [A in keyof Areas]: Record<string, string> };

function flatten(areas: AreaTexts): Record<MessageKey, string> {
  const out: Record<string, string> = {};
  for (const [area, messages] of Object.entries(areas)) {
    for (const [name, text] of Object.entries(messages)) out[`${area}.${name}`] = text;
  }
  return out as Record<MessageKey, string>;
}

export const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  en: flatten(ENGLISH),
  'zh-CN': flatten({
    call: zhCnCall,
    collab: zhCnCollab,
    common: zhCnCommon,
    desktop: zhCnDesktop,
    errors: zhCnErrors,
    home: zhCnHome,
    main: zhCnMain,
    media: zhCnMedia,
    notices: zhCnNotices,
    settings: zhCnSettings,
  }),
  'zh-TW': flatten({
    call: zhTwCall,
    collab: zhTwCollab,
    common: zhTwCommon,
    desktop: zhTwDesktop,
    errors: zhTwErrors,
    home: zhTwHome,
    main: zhTwMain,
    media: zhTwMedia,
    notices: zhTwNotices,
    settings: zhTwSettings,
  }),
};
