/** What the join form remembers between runs (persisted by the store; see index.ts). */
import type { StateCreator } from 'zustand';
import type { ParleyState } from './index';

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
  setIceServers: (change) => set(change),
  setHostAddress: (hostAddress) => set({ hostAddress }),
  setPasscode: (passcode) => set({ passcode }),
  setRoom: (room) => set({ room }),
  setDisplayName: (displayName) => set({ displayName }),
});

export const PERSISTED_SETTINGS = ['hostAddress', 'room', 'displayName', 'iceServersText', 'turnUsername', 'turnCredential'] as const;
