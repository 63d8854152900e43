/**
 * The operating system's own camera/microphone permission, which sits above Chromium's: macOS asks
 * the user once per app, Windows has privacy switches, Linux has no such gate. Also opens the
 * system's privacy settings where there are any, so the UI can offer a way out of "denied".
 */
import type { SystemPreferences } from 'electron';
import type { MediaAccessStatus, MediaDeviceKind } from '../shared/ipc';

export interface MediaAccessDeps {
  platform: NodeJS.Platform;
  systemPreferences: Pick<SystemPreferences, 'getMediaAccessStatus'> & Partial<Pick<SystemPreferences, 'askForMediaAccess'>>;
  openExternal: (url: string) => Promise<void>;
}

/** Fixed addresses only: nothing from the renderer ever reaches openExternal from here. */
const SETTINGS_URLS: Partial<Record<NodeJS.Platform, Record<MediaDeviceKind, string>>> = {
  darwin: {
    camera: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera',
    microphone: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
  },
  win32: { camera: 'ms-settings:privacy-webcam', microphone: 'ms-settings:privacy-microphone' },
};

const KNOWN: readonly MediaAccessStatus[] = ['granted', 'denied', 'restricted', 'not-determined'];

export function createMediaAccess({ platform, systemPreferences, openExternal }: MediaAccessDeps) {
  const hasOsGate = platform === 'darwin' || platform === 'win32';

  const statusOf = (kind: MediaDeviceKind): MediaAccessStatus => {
    if (!hasOsGate) return 'granted';
    const status = systemPreferences.getMediaAccessStatus(kind) as MediaAccessStatus;
    return KNOWN.includes(status) ? status : 'unknown';
  };

  return {
    status: (): Record<MediaDeviceKind, MediaAccessStatus> => ({ camera: statusOf('camera'), microphone: statusOf('microphone') }),

    /** On macOS this shows the system prompt the first time; elsewhere it only reports. */
    request: async (kind: MediaDeviceKind): Promise<MediaAccessStatus> => {
      if (platform === 'darwin' && systemPreferences.askForMediaAccess) {
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
