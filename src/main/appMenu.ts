/**
 * The application menu. Electron's default menu has Reload, Force Reload and Toggle Developer
 * Tools (lib/browser/default-menu.ts): in the packaged app one Ctrl+R would drop the call. So the
 * packaged menu keeps only what a user needs (the platform's app and edit menus, so Copy and Paste
 * work in text fields on macOS; zoom and full screen; the window menu; the log folder) and the
 * developer's menu adds the View menu back. Labels come from Electron's roles, which the system
 * translates; the one label of our own is passed in.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Development: reload and developer tools are wanted. */
  development: boolean;
  openLogFolder: { label: string; click: () => void };
}

export function appMenuTemplate({ platform, development, openLogFolder }: AppMenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = development
    ? { role: 'viewMenu' }
    : { role: 'viewMenu', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] };
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: openLogFolder.label, click: openLogFolder.click }] },
  ];
}
