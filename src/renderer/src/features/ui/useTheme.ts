/**
 * Light or dark: the system's appearance unless one is chosen in settings, followed live. The
 * choice lands on <html data-theme>, and the design tokens in styles.css do the rest.
 */
import { useEffect, useState } from 'react';
import { useParley } from '../../store';

const darkQuery = (): MediaQueryList | undefined => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined);

export function useSystemPrefersDark(): boolean {
  const [dark, setDark] = useState(() => darkQuery()?.matches ?? true);
  useEffect(() => {
    const query = darkQuery();
    if (!query) return;
    const follow = (): void => setDark(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return dark;
}

export function useTheme(): 'light' | 'dark' {
  const chosen = useParley((state) => state.theme);
  const systemDark = useSystemPrefersDark();
  const theme = chosen === 'system' ? (systemDark ? 'dark' : 'light') : chosen;
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
