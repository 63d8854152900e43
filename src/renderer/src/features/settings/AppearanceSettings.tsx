/**
 * Language and appearance: each follows the system until the user picks one, and the pick is
 * remembered (settingsSlice, persisted). Languages are listed in their own words.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LOCALE_NAMES, LOCALES } from '../../../../shared/i18n/locales';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import type { LanguageChoice, ThemeChoice } from '../../store/settingsSlice';

const THEMES = ['system', 'light', 'dark'] as const;

export function AppearanceSettings() {
  const t = useText();
  const languageId = useId();
  const themeId = useId();
  const s = useParley(useShallow((state) => ({ language: state.language, theme: state.theme, setLanguage: state.setLanguage, setTheme: state.setTheme })));
  const themeName = { system: t('settings.themeSystem'), light: t('settings.themeLight'), dark: t('settings.themeDark') } satisfies Record<ThemeChoice, string>;
  return (
    <div className="appearance-settings">
      <div className="field">
        <label htmlFor={languageId}>{t('settings.language')}</label>
        <select id={languageId} className="select" value={s.language} onChange={(event) => s.setLanguage(event.target.value as LanguageChoice)}>
          <option value="system">{t('settings.languageSystem')}</option>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={themeId}>{t('settings.theme')}</label>
        <select id={themeId} className="select" value={s.theme} onChange={(event) => s.setTheme(event.target.value as ThemeChoice)}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {themeName[theme]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
