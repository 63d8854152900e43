/** What the join form remembers between runs (persisted by the store; see index.ts). */
import type { StateCreator } from 'zustand';
import type { Locale } from '../../../shared/i18n/locales';
import type { PSEUDO_LOCALE } from '../../../shared/i18n/pseudo';
import type { ParleyState } from './index';

/** The pseudo-locale is for layout checks only: never listed, set by tests (see shared/i18n/pseudo.ts). */
export type LanguageChoice = 'system' | Locale | typeof PSEUDO_LOCALE;
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface SettingsSlice {
  hostAddress: string;
  room: string;
  displayName: string;
  /** Typed per call, never stored. */
  passcode: string;
  /** STUN/TURN server URLs, one per line; empty (the default) keeps calls on the local network. */
  iceServersText: string;
  turnUsername: string;
  turnCredential: string;
  /** The interface's language: the system's (the default) or one chosen in settings. */
  language: LanguageChoice;
  /** Light or dark: the system's appearance (the default) or one chosen in settings. */
  theme: ThemeChoice;
  setLanguage(value: LanguageChoice): void;
  setTheme(value: ThemeChoice): void;
  setIceServers(change: Partial<Pick<SettingsSlice, 'iceServersText' | 'turnUsername' | 'turnCredential'>>): void;
  setHostAddress(value: string): void;
  setPasscode(value: string): void;
  setRoom(value: string): void;
  setDisplayName(value: string): void;
}

export const createSettingsSlice: StateCreator<ParleyState, [], [], SettingsSlice> = (set) => ({
  hostAddress: '',
  room: '',
  displayName: '',
  passcode: '',
  iceServersText: '',
  turnUsername: '',
  turnCredential: '',
  language: 'system',
  theme: 'system',
  setLanguage: (language) => set({ language }),
  setTheme: (theme) => set({ theme }),
  setIceServers: (change) => set(change),
  setHostAddress: (hostAddress) => set({ hostAddress }),
  setPasscode: (passcode) => set({ passcode }),
  setRoom: (room) => set({ room }),
  setDisplayName: (displayName) => set({ displayName }),
});

export const PERSISTED_SETTINGS = ['hostAddress', 'room', 'displayName', 'iceServersText', 'turnUsername', 'turnCredential', 'language', 'theme'] as const;
