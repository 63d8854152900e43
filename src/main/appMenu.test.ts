import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from './appMenu';
import { createMainText } from './i18n';
import { standIn } from './testing/electron';

// Built with the stand-in's Menu, which expands a role's own submenu as Electron does
// (lib/browser/api/menu-item.ts): { role: 'viewMenu' } alone brings Reload and the developer tools.
const english = createMainText(['en']);
const build = (platform: NodeJS.Platform, development: boolean, text = english) =>
  standIn.Menu.buildFromTemplate(appMenuTemplate({ platform, development, text, openLogFolder: vi.fn() }) as never);
const RELOADING = ['reload', 'forcereload', 'toggledevtools'];

describe('the application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s, packaged, cannot reload the page or open the developer tools', (platform) => {
    const roles = build(platform, false).roles();
    expect(roles.filter((role) => RELOADING.includes(role))).toEqual([]);
    // What a user does need stays: Copy and Paste in text fields, quit, zoom, full screen.
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'selectall', 'quit', 'zoomin', 'togglefullscreen']));
  });

  it('keeps reload and the developer tools while developing', () => {
    expect(build('linux', true).roles()).toEqual(expect.arrayContaining(RELOADING));
  });

  it('has the macOS app menu only on macOS', () => {
    expect(build('darwin', false).roles()).toContain('appmenu');
    expect(build('linux', false).roles()).not.toContain('appmenu');
  });

  it('opens the log folder from Help', () => {
    const click = vi.fn();
    const menu = standIn.Menu.buildFromTemplate(appMenuTemplate({ platform: 'linux', development: false, text: english, openLogFolder: click }) as never);
    (menu.find('Open the Log Folder')!['click'] as () => void)();
    expect(click).toHaveBeenCalled();
  });

  it('speaks the system\'s language, every item labelled from the catalogs', () => {
    const chinese = build('linux', false, createMainText(['zh-CN']));
    expect(chinese.find('编辑')).toBeDefined();
    expect(chinese.find('复制')).toMatchObject({ role: 'copy' });
    expect(chinese.find('打开日志文件夹')).toBeDefined();
    expect(build('darwin', false, createMainText(['zh-TW'])).find('結束 Parley')).toMatchObject({ role: 'quit' });
  });

  it('replaces Electron\'s default menu, which reloads the page on Ctrl+R', async () => {
    await standIn.app.finishLaunching();
    expect(standIn.Menu.getApplicationMenu()!.roles()).toContain('reload');
    standIn.Menu.setApplicationMenu(build('linux', false));
    expect(standIn.Menu.getApplicationMenu()!.roles()).not.toContain('reload');
  });
});
