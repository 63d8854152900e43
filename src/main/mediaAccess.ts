/**
 * The operating system's own camera/microphone permission, which sits above Chromium's: macOS asks
 * the user once per app, Windows has privacy switches, Linux has no such gate. macOS also gates
 * screen recording (before macOS 15 there is no system picker to ask through: a denied app gets
 * black frames or nothing). Also opens the system's privacy settings where there are any, so the
 * UI can offer a way out of "denied".
 */
import type { SystemPreferences } from 'electron';
import type { MediaAccessStatus, MediaDeviceKind } from '../shared/ipc';

export interface MediaAccessDeps {
  platform: NodeJS.Platform;
  systemPreferences: Pick<SystemPreferences, 'getMediaAccessStatus'> & Partial<Pick<SystemPreferences, 'askForMediaAccess'>>;
  openExternal: (url: string) => Promise<void>;
}

/** Fixed addresses only: nothing from the renderer ever reaches openExternal from here. */
const SETTINGS_URLS: Partial<Record<NodeJS.Platform, Partial<Record<MediaDeviceKind, string>>>> = {
  darwin: {
    camera: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera',
    microphone: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
    screen: 'x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture',
  },
  win32: { camera: 'ms-settings:privacy-webcam', microphone: 'ms-settings:privacy-microphone' },
};

/** Where the OS has a gate for each kind. */
const GATED: Partial<Record<NodeJS.Platform, readonly MediaDeviceKind[]>> = {
  darwin: ['camera', 'microphone', 'screen'],
  win32: ['camera', 'microphone'],
};

const KNOWN: readonly MediaAccessStatus[] = ['granted', 'denied', 'restricted', 'not-determined'];

export function createMediaAccess({ platform, systemPreferences, openExternal }: MediaAccessDeps) {
  const statusOf = (kind: MediaDeviceKind): MediaAccessStatus => {
    if (!GATED[platform]?.includes(kind)) return 'granted';
    const status = systemPreferences.getMediaAccessStatus(kind) as MediaAccessStatus;
    return KNOWN.includes(status) ? status : 'unknown';
  };

  return {
    status: (): Record<MediaDeviceKind, MediaAccessStatus> => ({ camera: statusOf('camera'), microphone: statusOf('microphone'), screen: statusOf('screen') }),

    /** Screen recording may start: not refused by the OS (undecided, macOS asks when it starts). */
    allowsScreenCapture: (): boolean => !['denied', 'restricted'].includes(statusOf('screen')),

    /**
     * On macOS this shows the system prompt the first time (camera and microphone: macOS has no
     * prompt to ask for screen recording, it asks when capture starts); elsewhere it only reports.
     */
    request: async (kind: MediaDeviceKind): Promise<MediaAccessStatus> => {
      if (platform === 'darwin' && kind !== 'screen' && systemPreferences.askForMediaAccess) {
        return (await systemPreferences.askForMediaAccess(kind)) ? 'granted' : 'denied';
      }
      return statusOf(kind);
    },

    openSettings: async (kind: MediaDeviceKind): Promise<{ opened: boolean }> => {
      const url = SETTINGS_URLS[platform]?.[kind];
      if (!url) return { opened: false };
      await openExternal(url);
      return { opened: true };
    },
  };
}

export type MediaAccess = ReturnType<typeof createMediaAccess>;
