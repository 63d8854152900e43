/** The en catalog, flattened to `<area>.<name>` keys (see ../catalogs.ts). Its own module, so a page loads only the language it shows. */
import call from './en/call.json' with { type: 'json' };
import collab from './en/collab.json' with { type: 'json' };
import common from './en/common.json' with { type: 'json' };
import desktop from './en/desktop.json' with { type: 'json' };
import errors from './en/errors.json' with { type: 'json' };
import home from './en/home.json' with { type: 'json' };
import main from './en/main.json' with { type: 'json' };
import media from './en/media.json' with { type: 'json' };
import notices from './en/notices.json' with { type: 'json' };
import settings from './en/settings.json' with { type: 'json' };
import { flatten } from './flatten';

export const AREAS = { call, collab, common, desktop, errors, home, main, media, notices, settings };
export const EN = flatten(AREAS);
