/**
 * The page speaks the language chosen in settings: the real provider (as main.tsx mounts it)
 * follows the store's `language` and puts it on <html lang>, which screen readers and the CJK
 * font choice follow.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { setPlatform } from '../../platform';
import { testPlatform } from '../../platform/testing';
import { useParley } from '../../store';
import { HomeScreen } from './HomeScreen';

const initialState = useParley.getState();

beforeEach(() => {
  useParley.setState(initialState, true);
  localStorage.clear();
  setPlatform(testPlatform());
});
afterEach(cleanup);

describe('the page language', () => {
  it('follows the system (English here) and then the language chosen in settings', () => {
    render(
      <I18nProvider>
        <HomeScreen />
      </I18nProvider>,
    );
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'Join' })).toBeTruthy();

    act(() => useParley.getState().setLanguage('zh-CN'));
    expect(document.documentElement.lang).toBe('zh-CN');
    act(() => useParley.getState().setLanguage('zh-TW'));
    expect(document.documentElement.lang).toBe('zh-TW');
    act(() => useParley.getState().setLanguage('system'));
    expect(document.documentElement.lang).toBe('en');
  });
});
