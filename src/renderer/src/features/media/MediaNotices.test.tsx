import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParleyBridge } from '../../../../shared/ipc';
import { renderWithIntl } from '../../i18n/testing';
import { setPlatform } from '../../platform';
import { testPlatform } from '../../platform/testing';
import { useParley } from '../../store';
import { MediaNotices } from './MediaNotices';

const initialState = useParley.getState();
const status = { camera: 'granted', microphone: 'granted', screen: 'denied' } as const;

function desktop(): ParleyBridge['mediaAccess'] {
  const mediaAccess = {
    status: vi.fn(async () => ({ ok: true as const, data: status })),
    request: vi.fn(),
    openSettings: vi.fn(async () => ({ ok: true as const, data: { opened: true } })),
  } as unknown as ParleyBridge['mediaAccess'];
  setPlatform(testPlatform({ mediaAccess, defaultScheme: 'https' }));
  return mediaAccess;
}

beforeEach(() => {
  useParley.setState(initialState, true);
  // getDisplayMedia refused: by the user (a cancel) or by the system, which look the same to the page.
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { getDisplayMedia: vi.fn(async () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))) },
  });
});
afterEach(cleanup);

describe('screen recording refused by the system', () => {
  it('is told apart from a cancel, and the notice opens the Screen Recording settings', async () => {
    const mediaAccess = desktop();
    const { attachScreenShare } = await import('../../store/screenShareSlice');
    attachScreenShare({} as never);
    renderWithIntl(<MediaNotices />);
    await useParley.getState().shareScreen();
    expect(useParley.getState().notice).toBeNull();
    await userEvent.click(await screen.findByRole('button', { name: 'Open Screen Recording settings' }));
    expect(mediaAccess.openSettings).toHaveBeenCalledWith('screen');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/does not let Parley record the screen/)).toBeNull();
  });

  it('a plain cancel stays a cancel', async () => {
    const mediaAccess = desktop();
    vi.mocked(mediaAccess.status).mockResolvedValue({ ok: true, data: { ...status, screen: 'granted' } });
    const { attachScreenShare } = await import('../../store/screenShareSlice');
    attachScreenShare({} as never);
    await useParley.getState().shareScreen();
    expect(useParley.getState().screenAccessBlocked).toBe(false);
    expect(useParley.getState().notice).toEqual({ key: 'notices.screenShareCancelled' });
    renderWithIntl(<MediaNotices />);
    expect(screen.getByText('Screen sharing was cancelled.')).toBeTruthy();
  });
});
