/** The zh-CN catalog, flattened to `<area>.<name>` keys (see ../catalogs.ts). Its own module, so a page loads only the language it shows. */
import call from './zh-CN/call.json' with { type: 'json' };
import collab from './zh-CN/collab.json' with { type: 'json' };
import common from './zh-CN/common.json' with { type: 'json' };
import desktop from './zh-CN/desktop.json' with { type: 'json' };
import errors from './zh-CN/errors.json' with { type: 'json' };
import home from './zh-CN/home.json' with { type: 'json' };
import main from './zh-CN/main.json' with { type: 'json' };
import media from './zh-CN/media.json' with { type: 'json' };
import notices from './zh-CN/notices.json' with { type: 'json' };
import settings from './zh-CN/settings.json' with { type: 'json' };
import { flatten } from './flatten';

export const AREAS = { call, collab, common, desktop, errors, home, main, media, notices, settings };
export const ZH_CN = flatten(AREAS);
