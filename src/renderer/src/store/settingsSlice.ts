/** What the join form remembers between runs (persisted by the store; see index.ts). */
import type { StateCreator } from 'zustand';
import type { ParleyState } from './index';

export interface SettingsSlice {
  hostAddress: string;
  room: string;
  displayName: string;
  /** Typed per call, never stored. */
  passcode: string;
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
  setHostAddress: (hostAddress) => set({ hostAddress }),
  setPasscode: (passcode) => set({ passcode }),
  setRoom: (room) => set({ room }),
  setDisplayName: (displayName) => set({ displayName }),
});

export const PERSISTED_SETTINGS = ['hostAddress', 'room', 'displayName'] as const;
