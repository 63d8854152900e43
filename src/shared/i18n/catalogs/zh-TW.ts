/** The zh-TW catalog, flattened to `<area>.<name>` keys (see ../catalogs.ts). Its own module, so a page loads only the language it shows. */
import call from './zh-TW/call.json' with { type: 'json' };
import collab from './zh-TW/collab.json' with { type: 'json' };
import common from './zh-TW/common.json' with { type: 'json' };
import desktop from './zh-TW/desktop.json' with { type: 'json' };
import errors from './zh-TW/errors.json' with { type: 'json' };
import home from './zh-TW/home.json' with { type: 'json' };
import main from './zh-TW/main.json' with { type: 'json' };
import media from './zh-TW/media.json' with { type: 'json' };
import notices from './zh-TW/notices.json' with { type: 'json' };
import settings from './zh-TW/settings.json' with { type: 'json' };
import { flatten } from './flatten';

export const AREAS = { call, collab, common, desktop, errors, home, main, media, notices, settings };
export const ZH_TW = flatten(AREAS);
