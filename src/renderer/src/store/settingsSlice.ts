/** What the join form remembers between runs (persisted by the store; see index.ts). */
import type { StateCreator } from 'zustand';
import { DEFAULT_GLOBAL_MUTE } from '../../../shared/globalMuteDefault';
import type { Locale } from '../../../shared/i18n/locales';
import type { PSEUDO_LOCALE } from '../../../shared/i18n/locales';
import type { JoinFormInput } from '../call/joinForm';
import type { ParleyState } from './index';

/** The pseudo-locale is for layout checks only: never listed, set by tests (see shared/i18n/pseudo.ts). */
export type LanguageChoice = 'system' | Locale | typeof PSEUDO_LOCALE;
export type ThemeChoice = 'system' | 'light' | 'dark';
export type SoundName = 'join' | 'leave' | 'message';

/** How Parley behaves on the desktop: each can be changed in settings, and is remembered. */
export interface DesktopChoices {
  /** Off by default: closing the window during a call or while hosting hides it to the tray. */
  closeEndsCall: boolean;
  /** The system-wide mute toggle; null turns it off. */
  globalMuteShortcut: string | null;
  /** The key held to talk from any program (uiohook-napi's name for it); null (the default) is off. */
  pushToTalkKey: string | null;
  /** Notifications while the window is not in front (joins, leaves, messages, files). */
  notifyInBackground: boolean;
  sounds: Record<SoundName, boolean>;
  /** The small always-on-top window while the main one is hidden or minimised during a call. */
  miniWindow: boolean;
}

/** The join form's fields (room, name, passcode, STUN/TURN) are the call/joinForm.ts ones. */
export interface SettingsSlice extends JoinFormInput {
  hostAddress: string;
  /** The interface's language: the system's (the default) or one chosen in settings. */
  language: LanguageChoice;
  /** Light or dark: the system's appearance (the default) or one chosen in settings. */
  theme: ThemeChoice;
  desktop: DesktopChoices;
  setDesktop(change: Partial<DesktopChoices>): void;
  setSound(sound: SoundName, on: boolean): void;
  setLanguage(value: LanguageChoice): void;
  setTheme(value: ThemeChoice): void;
  setIceServers(change: Partial<Pick<SettingsSlice, 'iceServersText' | 'turnUsername' | 'turnCredential' | 'relayOnly'>>): void;
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
  relayOnly: false,
  language: 'system',
  theme: 'system',
  desktop: { closeEndsCall: false, globalMuteShortcut: DEFAULT_GLOBAL_MUTE, pushToTalkKey: null, notifyInBackground: true, sounds: { join: true, leave: true, message: true }, miniWindow: true },
  setDesktop: (change) => set((state) => ({ desktop: { ...state.desktop, ...change } })),
  setSound: (sound, on) => set((state) => ({ desktop: { ...state.desktop, sounds: { ...state.desktop.sounds, [sound]: on } } })),
  setLanguage: (language) => set({ language }),
  setTheme: (theme) => set({ theme }),
  setIceServers: (change) => set(change),
  setHostAddress: (hostAddress) => set({ hostAddress }),
  setPasscode: (passcode) => set({ passcode }),
  setRoom: (room) => set({ room }),
  setDisplayName: (displayName) => set({ displayName }),
});

export const PERSISTED_SETTINGS = ['hostAddress', 'room', 'displayName', 'iceServersText', 'turnUsername', 'turnCredential', 'relayOnly', 'language', 'theme', 'desktop'] as const;
