import { describe, expect, it, vi } from 'vitest';
import { createMediaAccess } from './mediaAccess';
import { standIn } from './testing/electron';


describe('OS media access', () => {
  it('on macOS asks the system, which may show its prompt, and reports the answer', async () => {
    const askForMediaAccess = vi.fn(async (kind: string) => kind === 'microphone');
    const access = createMediaAccess({
      platform: 'darwin',
      systemPreferences: { getMediaAccessStatus: () => 'not-determined', askForMediaAccess },
      openExternal: vi.fn(),
    });
    expect(access.status()).toEqual({ camera: 'not-determined', microphone: 'not-determined', screen: 'not-determined' });
    expect(await access.request('camera')).toBe('denied');
    expect(await access.request('microphone')).toBe('granted');
    expect(askForMediaAccess).toHaveBeenCalledTimes(2);
  });

  it('on Linux reports granted (no OS gate) and has no settings to open', async () => {
    const openExternal = vi.fn(async () => undefined);
    const getMediaAccessStatus = vi.fn(() => 'denied' as const);
    const access = createMediaAccess({ platform: 'linux', systemPreferences: { getMediaAccessStatus }, openExternal });
    expect(access.status()).toEqual({ camera: 'granted', microphone: 'granted', screen: 'granted' });
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

  it('on macOS reports Screen Recording refused, opens its pane, and never asks for it with the camera prompt', async () => {
    const openExternal = vi.fn(async () => undefined);
    const askForMediaAccess = vi.fn(async () => true);
    const access = createMediaAccess({
      platform: 'darwin',
      // The stand-in's systemPreferences: Electron's media types, 'screen' among them.
      systemPreferences: { getMediaAccessStatus: (kind) => standIn.systemPreferences.mediaAccess[kind] as never, askForMediaAccess },
      openExternal,
    });
    standIn.systemPreferences.mediaAccess['screen'] = 'denied';
    expect(access.status().screen).toBe('denied');
    expect(access.allowsScreenCapture()).toBe(false);
    expect(await access.request('screen')).toBe('denied');
    expect(askForMediaAccess).not.toHaveBeenCalled();
    await access.openSettings('screen');
    expect(openExternal).toHaveBeenCalledWith('x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture');
    standIn.systemPreferences.mediaAccess['screen'] = 'not-determined';
    expect(access.allowsScreenCapture()).toBe(true); // macOS asks when capture starts
  });

  it('on Windows has no screen-recording gate to ask about', async () => {
    const getMediaAccessStatus = vi.fn(() => 'denied' as const);
    const access = createMediaAccess({ platform: 'win32', systemPreferences: { getMediaAccessStatus }, openExternal: vi.fn() });
    expect(access.status().screen).toBe('granted');
    expect(access.allowsScreenCapture()).toBe(true);
    expect(getMediaAccessStatus).not.toHaveBeenCalledWith('screen');
    expect(await access.openSettings('screen')).toEqual({ opened: false });
  });
});
