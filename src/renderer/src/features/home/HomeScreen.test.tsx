import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostingStatus, IpcResult, ParleyBridge } from '../../../../shared/ipc';
import { renderWithIntl } from '../../i18n/testing';
import { setPlatform } from '../../platform';
import { testPlatform } from '../../platform/testing';
import { useParley } from '../../store';
import { HomeScreen } from './HomeScreen';

const initialState = useParley.getState();

function fakeHosting(result: IpcResult<HostingStatus>): ParleyBridge['hosting'] {
  return { start: vi.fn(async () => result), stop: vi.fn(), status: vi.fn() } as unknown as ParleyBridge['hosting'];
}

function usePlatform(hosting: ParleyBridge['hosting'] | null): void {
  setPlatform(testPlatform({ hosting }));
}

beforeEach(() => {
  useParley.setState(initialState, true);
  localStorage.clear();
});
afterEach(cleanup);

describe('HomeScreen', () => {
  it('labels every control so people and screen readers find them by name (in English)', () => {
    usePlatform(fakeHosting({ ok: false, error: { code: 'HOSTING_FAILED', message: 'x' } }));
    renderWithIntl(<HomeScreen />, { locale: 'en' });
    for (const label of ['Host address', 'Room', 'Display name', 'Passcode (optional)']) expect(screen.getByLabelText(label)).toBeTruthy();
    for (const name of ['Join', 'Host a room', 'Mute', 'Camera off']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Parley' })).toBeTruthy();
    expect(screen.getByRole('toolbar', { name: 'Before joining' })).toBeTruthy();
  });

  it('calls the self-view just "You" until a name is typed, then "<name> (you)"', async () => {
    usePlatform(null);
    renderWithIntl(<HomeScreen />);
    expect(screen.getByRole('figure', { name: 'You' })).toBeTruthy();
    await userEvent.setup().type(screen.getByLabelText('Display name'), 'Ada');
    expect(screen.getByRole('figure', { name: 'Ada (you)' })).toBeTruthy();
  });

  it('offers no hosting in a browser, and explains why the camera is unavailable', async () => {
    usePlatform(null);
    renderWithIntl(<HomeScreen />);
    expect(screen.queryByRole('button', { name: 'Host a room' })).toBeNull();
    // jsdom has no navigator.mediaDevices, like a page opened over plain http on a LAN address.
    expect(await screen.findByText(/not a secure context/)).toBeTruthy();
  });

  it('refuses a bad address before touching the network', async () => {
    usePlatform(null);
    renderWithIntl(<HomeScreen />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Display name'), 'Ada');
    await user.type(screen.getByLabelText('Room'), 'team');
    await user.type(screen.getByLabelText('Host address'), 'ftp://10.0.0.7');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Only http and https/);
    expect(useParley.getState().phase).toBe('idle');
  });

  it('validates the room name before asking main to host', async () => {
    const hosting = fakeHosting({ ok: false, error: { code: 'HOSTING_FAILED', message: 'unused' } });
    usePlatform(hosting);
    renderWithIntl(<HomeScreen />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Display name'), 'Ada');
    await user.type(screen.getByLabelText('Room'), 'bad/room');
    await user.click(screen.getByRole('button', { name: 'Host a room' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/letters, digits/);
    expect(hosting.start).not.toHaveBeenCalled();
  });

  it('shows why hosting failed, and remembers the form for next time', async () => {
    const hosting = fakeHosting({ ok: false, error: { code: 'PORT_IN_USE', message: 'Port 47100 is already in use on this machine' } });
    usePlatform(hosting);
    renderWithIntl(<HomeScreen />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Display name'), 'Ada');
    await user.type(screen.getByLabelText('Room'), 'team');
    await user.click(screen.getByRole('button', { name: 'Host a room' }));
    expect(hosting.start).toHaveBeenCalledWith({ room: 'team' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Port 47100 is already in use/);
    await waitFor(() =>
      expect(JSON.parse(localStorage.getItem('parley.settings') ?? '{}').state).toMatchObject({ hostAddress: '', room: 'team', displayName: 'Ada' }),
    );
  });
});
