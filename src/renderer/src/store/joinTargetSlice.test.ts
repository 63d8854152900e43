/** Where the next join goes: an invite link, an address typed over one, a room found nearby. */
import { describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { formatInvite } from '../../../shared/invite';
import type { NearbyRoom } from '../../../shared/nearbyRooms';
import type { ParleyState } from './index';
import { createJoinTargetSlice } from './joinTargetSlice';
import { createSettingsSlice } from './settingsSlice';

const FINGERPRINT = 'ab'.repeat(32);

/** The join form and this slice, with the call's phase, error and join as the slice sees them. */
function makeStore(phase: ParleyState['phase'] = 'idle') {
  const join = vi.fn(async () => undefined);
  const store = create<ParleyState>()(
    (...args) =>
      ({
        ...createSettingsSlice(...args),
        ...createJoinTargetSlice(...args),
        phase,
        error: null,
        join,
      }) as unknown as ParleyState,
  );
  return { store, join };
}

const nearby = (change: Partial<NearbyRoom> = {}): NearbyRoom => ({
  id: 'desk',
  room: 'standup',
  host: '192.168.1.20',
  port: 47100,
  passcodeRequired: false,
  fingerprint: FINGERPRINT,
  hostName: 'desk',
  ...change,
});

describe('joinTargetSlice', () => {
  it('fills the form from an invite, with the certificate the host must present', () => {
    const { store } = makeStore();
    const link = formatInvite({ host: 'fe80::1', port: 47100, room: 'standup', passcode: 'tea', fingerprint: FINGERPRINT });
    expect(store.getState().applyInvite(link)).toBe(true);
    expect(store.getState()).toMatchObject({ hostAddress: '[fe80::1]:47100', room: 'standup', passcode: 'tea', invitedFingerprint: FINGERPRINT, error: null });
  });

  it('refuses a broken invite with a message and leaves the form as it was', () => {
    const { store } = makeStore();
    store.setState({ hostAddress: '10.0.0.2', room: 'team' });
    expect(store.getState().applyInvite('parley://join?host=<script>&port=1&room=x')).toBe(false);
    expect(store.getState()).toMatchObject({ hostAddress: '10.0.0.2', room: 'team', phase: 'idle', error: { code: 'INVALID_ADDRESS' } });
  });

  it('applies an invite pasted into the address field; an address typed after it forgets its certificate', () => {
    const { store } = makeStore();
    store.getState().typeHostAddress(`  ${formatInvite({ host: '10.0.0.2', port: 47100, room: 'team', fingerprint: FINGERPRINT })}  `);
    expect(store.getState()).toMatchObject({ hostAddress: '10.0.0.2:47100', room: 'team', invitedFingerprint: FINGERPRINT });
    store.getState().typeHostAddress('10.0.0.3');
    expect(store.getState()).toMatchObject({ hostAddress: '10.0.0.3', invitedFingerprint: null });
  });

  it('keeps an organiser link\'s host key only while the form still points at that host', async () => {
    const { store } = makeStore();
    store.getState().setOrganiserKey('organiser-key-0123456789');
    expect(store.getState().organiserKey).toBe('organiser-key-0123456789');
    store.getState().typeHostAddress('10.0.0.3');
    expect(store.getState().organiserKey).toBeNull();

    store.getState().setOrganiserKey('organiser-key-0123456789');
    expect(store.getState().applyInvite(formatInvite({ host: '10.0.0.2', port: 47100, room: 'team' }))).toBe(true);
    expect(store.getState().organiserKey).toBeNull();

    store.getState().setOrganiserKey('organiser-key-0123456789');
    await store.getState().joinNearby(nearby());
    expect(store.getState().organiserKey).toBeNull();
  });

  it('takes an organiser link pasted into the address field apart: address and room in the form, the key kept out of the field', () => {
    const { store } = makeStore();
    store.getState().typeHostAddress(' https://10.0.0.5:47100/?room=board#host-key=organiser-key-0123456789 ');
    expect(store.getState()).toMatchObject({ hostAddress: 'https://10.0.0.5:47100', room: 'board', organiserKey: 'organiser-key-0123456789' });
    // Typing on from there is pointing the form elsewhere: the key goes.
    store.getState().typeHostAddress('https://10.0.0.5:4710');
    expect(store.getState()).toMatchObject({ hostAddress: 'https://10.0.0.5:4710', organiserKey: null });
    // A link without a key, or not a web address, is just what was typed.
    store.getState().typeHostAddress('https://10.0.0.5:47100/?room=board#other=1');
    expect(store.getState()).toMatchObject({ hostAddress: 'https://10.0.0.5:47100/?room=board#other=1', organiserKey: null });
    store.getState().typeHostAddress('ftp://10.0.0.5/#host-key=x');
    expect(store.getState().organiserKey).toBeNull();
  });

  it('joins a nearby room, or first asks for its passcode; the announced certificate is not taken on trust', async () => {
    const { store, join } = makeStore();
    store.setState({ invitedFingerprint: FINGERPRINT });
    await store.getState().joinNearby(nearby({ passcodeRequired: true }));
    expect(join).not.toHaveBeenCalled();
    expect(store.getState()).toMatchObject({ hostAddress: '192.168.1.20:47100', room: 'standup', invitedFingerprint: null, error: { code: 'PASSCODE_REQUIRED' } });

    store.setState({ passcode: 'tea' });
    await store.getState().joinNearby(nearby({ passcodeRequired: true }));
    expect(join).toHaveBeenCalledTimes(1);
  });

  it('does nothing with a nearby room while a call is starting or going on', async () => {
    const { store, join } = makeStore('in-call');
    await store.getState().joinNearby(nearby());
    expect(join).not.toHaveBeenCalled();
    expect(store.getState().hostAddress).toBe('');
  });
});
