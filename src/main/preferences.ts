/**
 * The user's choices made in the page that main follows: its menus and dialogs speak the chosen
 * language (or the system's), nativeTheme.themeSource makes the window, its title bar and native
 * dialogs light or dark to match, and the desktop features read the rest (whether closing the
 * window ends the call, the global mute shortcut). Until the page reports, main uses the defaults.
 */
import type { NativeTheme } from 'electron';
import { DEFAULT_GLOBAL_MUTE } from '../shared/globalMuteDefault';
import type { AppPreferences } from '../shared/ipc';
import { createMainText, type MainText } from './i18n';

export interface PreferencesDeps {
  nativeTheme: Pick<NativeTheme, 'themeSource'>;
  /** The system's languages, most preferred first (app.getLocale() and getPreferredSystemLanguages()). */
  systemLanguages: () => string[];
  /** Main's words changed language: rebuild what shows them (the menu, the tray). */
  onText: (text: MainText) => void;
}

export const DEFAULT_PREFERENCES: AppPreferences = { language: 'system', theme: 'system', closeEndsCall: false, globalMuteShortcut: DEFAULT_GLOBAL_MUTE, pushToTalkKey: null };

export class Preferences {
  private chosen: AppPreferences = DEFAULT_PREFERENCES;
  private text: MainText;
  private readonly listeners = new Set<(preferences: AppPreferences) => void>();

  constructor(private readonly deps: PreferencesDeps) {
    this.text = createMainText(deps.systemLanguages());
  }

  current(): MainText {
    return this.text;
  }

  choices(): AppPreferences {
    return this.chosen;
  }

  /** Called after every report from the page (the desktop features re-read what concerns them). */
  onChange(listener: (preferences: AppPreferences) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  apply(next: AppPreferences): void {
    const previous = this.chosen;
    this.chosen = next;
    this.deps.nativeTheme.themeSource = next.theme;
    if (next.language !== previous.language) {
      const text = createMainText(next.language === 'system' ? this.deps.systemLanguages() : [next.language]);
      if (text.locale !== this.text.locale) {
        this.text = text;
        this.deps.onText(text);
      }
    }
    for (const listener of this.listeners) listener(next);
  }
}
