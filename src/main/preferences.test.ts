import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES, Preferences } from './preferences';
import { standIn } from './testing/electron';

describe("main follows the page's language and appearance", () => {
  it('speaks the chosen language, or the system one again, and themes the window', () => {
    const onText = vi.fn();
    const preferences = new Preferences({ nativeTheme: standIn.nativeTheme, systemLanguages: () => ['en-GB'], onText });
    expect(preferences.current()('main.menu.edit')).toBe('Edit');

    preferences.apply({ ...DEFAULT_PREFERENCES, language: 'zh-TW', theme: 'dark' });
    expect(standIn.nativeTheme.themeSource).toBe('dark');
    expect(preferences.current()('main.menu.edit')).toBe('編輯');
    expect(onText).toHaveBeenCalledTimes(1);

    preferences.apply({ ...DEFAULT_PREFERENCES, language: 'zh-TW', theme: 'light' }); // only the theme changed: no new menu
    expect(standIn.nativeTheme.themeSource).toBe('light');
    expect(onText).toHaveBeenCalledTimes(1);

    preferences.apply({ ...DEFAULT_PREFERENCES, language: 'system', theme: 'system' });
    expect(preferences.current().locale).toBe('en');
    expect(standIn.nativeTheme.themeSource).toBe('system');
    expect(onText).toHaveBeenCalledTimes(2);
  });

  it('keeps the desktop choices and tells the features that follow them', () => {
    const preferences = new Preferences({ nativeTheme: standIn.nativeTheme, systemLanguages: () => ['en'], onText: vi.fn() });
    expect(preferences.choices()).toEqual({ language: 'system', theme: 'system', closeEndsCall: false, globalMuteShortcut: 'CommandOrControl+Shift+M', pushToTalkKey: null });
    const seen = vi.fn();
    preferences.onChange(seen);
    preferences.apply({ ...DEFAULT_PREFERENCES, closeEndsCall: true, globalMuteShortcut: null });
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ closeEndsCall: true, globalMuteShortcut: null }));
    expect(preferences.choices().closeEndsCall).toBe(true);
  });
});
