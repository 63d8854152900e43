import { describe, expect, it, vi } from 'vitest';
import { Preferences } from './preferences';
import { standIn } from './testing/electron';

describe("main follows the page's language and appearance", () => {
  it('speaks the chosen language, or the system one again, and themes the window', () => {
    const onText = vi.fn();
    const preferences = new Preferences({ nativeTheme: standIn.nativeTheme, systemLanguages: () => ['en-GB'], onText });
    expect(preferences.current()('main.menu.edit')).toBe('Edit');

    preferences.apply({ language: 'zh-TW', theme: 'dark' });
    expect(standIn.nativeTheme.themeSource).toBe('dark');
    expect(preferences.current()('main.menu.edit')).toBe('編輯');
    expect(onText).toHaveBeenCalledTimes(1);

    preferences.apply({ language: 'zh-TW', theme: 'light' }); // only the theme changed: no new menu
    expect(standIn.nativeTheme.themeSource).toBe('light');
    expect(onText).toHaveBeenCalledTimes(1);

    preferences.apply({ language: 'system', theme: 'system' });
    expect(preferences.current().locale).toBe('en');
    expect(standIn.nativeTheme.themeSource).toBe('system');
    expect(onText).toHaveBeenCalledTimes(2);
  });
});
