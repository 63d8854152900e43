/**
 * The application menu. Electron's default menu has Reload, Force Reload and Toggle Developer
 * Tools (lib/browser/default-menu.ts): in the packaged app one Ctrl+R would drop the call. So the
 * packaged menu keeps only what a user needs (the platform's app and edit menus, so Copy and Paste
 * work in text fields on macOS; zoom and full screen; the window menu; the log folder) and the
 * developer's menu adds reload and the developer tools back. Every item keeps its Electron role
 * (the behaviour and the accelerator) with a label from the catalogs: Electron's own role labels
 * are English outside macOS.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MessageKey } from '../shared/i18n/catalogs';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Development: reload and developer tools are wanted. */
  development: boolean;
  text: (key: MessageKey, values?: Record<string, string>) => string;
  openLogFolder: () => void;
}

type Role = NonNullable<MenuItemConstructorOptions['role']>;
const separator: MenuItemConstructorOptions = { type: 'separator' };

export function appMenuTemplate({ platform, development, text, openLogFolder }: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (role: Role, key: MessageKey): MenuItemConstructorOptions => ({ role, label: text(key) });
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    label: 'Parley',
    submenu: [
      { role: 'about', label: text('main.menu.about', { app: 'Parley' }) },
      separator,
      item('services', 'main.menu.services'),
      separator,
      { role: 'hide', label: text('main.menu.hide', { app: 'Parley' }) },
      item('hideOthers', 'main.menu.hideOthers'),
      item('unhide', 'main.menu.unhide'),
      separator,
      { role: 'quit', label: text('main.menu.quit', { app: 'Parley' }) },
    ],
  };
  return [
    ...(mac ? [appMenu] : []),
    { role: 'fileMenu', label: text('main.menu.file'), submenu: [mac ? item('close', 'main.menu.close') : { role: 'quit', label: text('main.menu.quit', { app: 'Parley' }) }] },
    {
      role: 'editMenu',
      label: text('main.menu.edit'),
      submenu: [
        item('undo', 'main.menu.undo'),
        item('redo', 'main.menu.redo'),
        separator,
        item('cut', 'main.menu.cut'),
        item('copy', 'main.menu.copy'),
        item('paste', 'main.menu.paste'),
        ...(mac ? [item('pasteAndMatchStyle', 'main.menu.pasteAndMatchStyle')] : []),
        item('delete', 'main.menu.delete'),
        separator,
        item('selectAll', 'main.menu.selectAll'),
      ],
    },
    {
      role: 'viewMenu',
      label: text('main.menu.view'),
      submenu: [
        ...(development ? [item('reload', 'main.menu.reload'), item('forceReload', 'main.menu.forceReload'), item('toggleDevTools', 'main.menu.toggleDevTools'), separator] : []),
        item('resetZoom', 'main.menu.resetZoom'),
        item('zoomIn', 'main.menu.zoomIn'),
        item('zoomOut', 'main.menu.zoomOut'),
        separator,
        item('togglefullscreen', 'main.menu.toggleFullScreen'),
      ],
    },
    {
      role: 'windowMenu',
      label: text('main.menu.window'),
      submenu: [item('minimize', 'main.menu.minimize'), item('zoom', 'main.menu.zoom'), ...(mac ? [separator, item('front', 'main.menu.front')] : [item('close', 'main.menu.close')])],
    },
    { role: 'help', label: text('main.menu.help'), submenu: [{ label: text('main.openLogFolder'), click: openLogFolder }] },
  ];
}
