/**
 * The language and appearance the user chose in the page, followed by main: its menus and dialogs
 * speak the chosen language (or the system's), and nativeTheme.themeSource makes the window, its
 * title bar and native dialogs light or dark to match.
 */
import type { NativeTheme } from 'electron';
import type { AppPreferences } from '../shared/ipc';
import { createMainText, type MainText } from './i18n';

export interface PreferencesDeps {
  nativeTheme: Pick<NativeTheme, 'themeSource'>;
  /** The system's languages, most preferred first (app.getLocale() and getPreferredSystemLanguages()). */
  systemLanguages: () => string[];
  /** Main's words changed language: rebuild what shows them (the menu). */
  onText: (text: MainText) => void;
}

export class Preferences {
  private language: AppPreferences['language'] = 'system';
  private text: MainText;

  constructor(private readonly deps: PreferencesDeps) {
    this.text = createMainText(deps.systemLanguages());
  }

  current(): MainText {
    return this.text;
  }

  apply({ language, theme }: AppPreferences): void {
    this.deps.nativeTheme.themeSource = theme;
    if (language === this.language) return;
    this.language = language;
    const text = createMainText(language === 'system' ? this.deps.systemLanguages() : [language]);
    if (text.locale === this.text.locale) return;
    this.text = text;
    this.deps.onText(text);
  }
}
