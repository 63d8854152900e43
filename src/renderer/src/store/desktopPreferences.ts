/**
 * Tells the desktop app's main process the language, appearance and desktop choices made in
 * settings, at once and on every change (`app:preferences`), so its menus and dialogs speak that
 * language, the window follows that theme, and closing and the global shortcut behave as chosen. Nothing is sent in a browser, which has no main.
 */
import type { AppPreferences, ParleyBridge } from '../../../shared/ipc';
import { PSEUDO_LOCALE } from '../../../shared/i18n/locales';
import { platform } from '../platform';
import type { ParleyState } from './index';
import { reportToDesktop, type ObservedStore } from './reportToDesktop';

export function preferencesOf(state: Pick<ParleyState, 'language' | 'theme' | 'desktop'>): AppPreferences {
  return {
    // The pseudo-locale is the page's layout check only: main keeps the system's language.
    language: state.language === PSEUDO_LOCALE ? 'system' : state.language,
    theme: state.theme,
    closeEndsCall: state.desktop.closeEndsCall,
    globalMuteShortcut: state.desktop.globalMuteShortcut,
    pushToTalkKey: state.desktop.pushToTalkKey ?? null,
  };
}

export function reportPreferencesToDesktop(store: ObservedStore, preferences: ParleyBridge['preferences'] | null = platform().preferences): () => void {
  if (!preferences) return () => undefined;
  return reportToDesktop(store, {
    pick: preferencesOf,
    same: (a, b) => a.language === b.language && a.theme === b.theme,
    send: (chosen) => preferences.report(chosen),
    what: 'preferences',
  });
}
