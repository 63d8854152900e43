/**
 * Tells the desktop app's main process the language and appearance chosen in settings, at once
 * and on every change (`app:preferences`), so its menus and dialogs speak that language and the
 * window follows that theme. Nothing is sent in a browser, which has no main.
 */
import type { AppPreferences, ParleyBridge } from '../../../shared/ipc';
import { PSEUDO_LOCALE } from '../../../shared/i18n/pseudo';
import { platform } from '../platform';
import type { ParleyState } from './index';

export function preferencesOf(state: Pick<ParleyState, 'language' | 'theme'>): AppPreferences {
  // The pseudo-locale is the page's layout check only: main keeps the system's language.
  return { language: state.language === PSEUDO_LOCALE ? 'system' : state.language, theme: state.theme };
}

interface Store {
  getState(): ParleyState;
  subscribe(listener: (state: ParleyState) => void): () => void;
}

export function reportPreferencesToDesktop(store: Store, preferences: ParleyBridge['preferences'] | null = platform().preferences): () => void {
  if (!preferences) return () => undefined;
  const report = (chosen: AppPreferences): void => {
    preferences.report(chosen).then(
      (result) => {
        if (!result.ok) console.warn('Parley: the app did not take the preferences', result.error);
      },
      (error: unknown) => console.warn('Parley: could not report the preferences', error),
    );
  };
  let last = preferencesOf(store.getState());
  report(last);
  return store.subscribe((state) => {
    const next = preferencesOf(state);
    if (next.language === last.language && next.theme === last.theme) return;
    last = next;
    report(next);
  });
}
