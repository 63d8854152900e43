import { describe, expect, it, vi } from 'vitest';
import { createMediaAccess } from './mediaAccess';


describe('OS media access', () => {
  it('on macOS asks the system, which may show its prompt, and reports the answer', async () => {
    const askForMediaAccess = vi.fn(async (kind: string) => kind === 'microphone');
    const access = createMediaAccess({
      platform: 'darwin',
      systemPreferences: { getMediaAccessStatus: () => 'not-determined', askForMediaAccess },
      openExternal: vi.fn(),
    });
    expect(access.status()).toEqual({ camera: 'not-determined', microphone: 'not-determined' });
    expect(await access.request('camera')).toBe('denied');
    expect(await access.request('microphone')).toBe('granted');
    expect(askForMediaAccess).toHaveBeenCalledTimes(2);
  });

  it('on Linux reports granted (no OS gate) and has no settings to open', async () => {
    const openExternal = vi.fn(async () => undefined);
    const getMediaAccessStatus = vi.fn(() => 'denied' as const);
    const access = createMediaAccess({ platform: 'linux', systemPreferences: { getMediaAccessStatus }, openExternal });
    expect(access.status()).toEqual({ camera: 'granted', microphone: 'granted' });
    expect(await access.openSettings('camera')).toEqual({ opened: false });
    expect(openExternal).not.toHaveBeenCalled();
    expect(getMediaAccessStatus).not.toHaveBeenCalled();
  });

  it('opens the macOS privacy pane for the microphone', async () => {
    const openExternal = vi.fn(async () => undefined);
    const access = createMediaAccess({ platform: 'darwin', systemPreferences: { getMediaAccessStatus: () => 'denied' }, openExternal });
    await access.openSettings('microphone');
    expect(openExternal).toHaveBeenCalledWith('x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone');
  });
});
