/**
 * Where the next join goes, however the user said it: an address typed, an invite link pasted or
 * opened from the system, or a room picked from those found on the local network. These fill the
 * join form's host, room and passcode (settingsSlice) and, from an invite, the certificate the
 * host must present; from a headless host's organiser link, the host key.
 */
import type { StateCreator } from 'zustand';
import { formatHostPort } from '../../../shared/hostAddress';
import { INVITE_SCHEME, parseInvite } from '../../../shared/invite';
import type { NearbyRoom } from '../../../shared/nearbyRooms';
import { hostKeyOfFragment } from '../../../shared/organiserLink';
import { failedAttempt } from './errorText';
import type { ParleyState } from './index';

export interface JoinTargetSlice {
  /** From an invite link: the certificate the host must present. Cleared when the address is edited. */
  invitedFingerprint: string | null;
  /**
   * From a headless host's organiser link (`#host-key=…`, see platform/index.ts): joining with it
   * makes us the room's host (lock, remove). Kept in memory only, and dropped as soon as the join
   * form points at another host.
   */
  organiserKey: string | null;
  /** Opened from an organiser link: the next join to this host presents its host key. */
  setOrganiserKey(key: string): void;
  /** Fills the join form from an invite link (pasted, or opened from the system); false if invalid. */
  applyInvite(link: string): boolean;
  /** Picks a room found on the local network: joins it, or asks for the passcode first. */
  joinNearby(room: NearbyRoom): Promise<void>;
  /**
   * The Host address field as typed. An invite link pasted there is applied instead; an organiser
   * link pasted there (the desktop app opens no page from it) leaves its address and room in the
   * form and keeps its host key, out of the field.
   */
  typeHostAddress(value: string): void;
}

/** The parts of an organiser link (`https://host:port/?room=…#host-key=…`), or undefined if it is not one. */
export function organiserLinkParts(value: string): { address: string; room?: string; hostKey: string } | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const hostKey = hostKeyOfFragment(url.hash);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !hostKey) return undefined;
  return { address: `${url.protocol}//${url.host}`, room: url.searchParams.get('room') || undefined, hostKey };
}

export const createJoinTargetSlice: StateCreator<ParleyState, [], [], JoinTargetSlice> = (set, get) => ({
  invitedFingerprint: null,
  organiserKey: null,

  setOrganiserKey: (key) => set({ organiserKey: key }),

  applyInvite: (link) => {
    const parsed = parseInvite(link);
    if (!parsed.ok) {
      set(failedAttempt('INVALID_ADDRESS', parsed.message, { key: 'errors.invalidInvite', values: { detail: parsed.message } }));
      return false;
    }
    const { invite } = parsed;
    set({
      hostAddress: formatHostPort(invite.host, invite.port),
      room: invite.room,
      passcode: invite.passcode ?? '',
      invitedFingerprint: invite.fingerprint ?? null,
      organiserKey: null,
      error: null,
    });
    return true;
  },

  joinNearby: async (room) => {
    if (get().phase !== 'idle') return;
    // Treated like a typed address: the first time, the user still compares the security code
    // with the host's screen (anyone on the network can announce a room).
    set({ hostAddress: formatHostPort(room.host, room.port), room: room.room, invitedFingerprint: null, organiserKey: null, error: null });
    if (room.passcodeRequired && get().passcode === '') {
      set(failedAttempt('PASSCODE_REQUIRED', 'This room needs a passcode'));
      return;
    }
    await get().join();
  },

  typeHostAddress: (value) => {
    if (value.trim().toLowerCase().startsWith(`${INVITE_SCHEME}:`)) {
      get().applyInvite(value.trim());
      return;
    }
    const organiserLink = organiserLinkParts(value);
    if (organiserLink) {
      const { address, room, hostKey } = organiserLink;
      set({ hostAddress: address, ...(room ? { room } : {}), invitedFingerprint: null, organiserKey: hostKey });
      return;
    }
    set({ hostAddress: value, invitedFingerprint: null, organiserKey: null });
  },
});
