/**
 * Device lists and the rule for which device to use: the remembered one if it is still there,
 * otherwise the system default (and say that we fell back). Pure, so it is unit-tested.
 */
export interface DeviceOption {
  deviceId: string;
  /** The browser's name for it; empty when it gives none (the view then names it by kind and place). */
  label: string;
}

export interface DeviceLists {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
}

export const EMPTY_DEVICE_LISTS: DeviceLists = { cameras: [], microphones: [], speakers: [] };

const KIND_TO_LIST: Record<MediaDeviceKind, keyof DeviceLists> = {
  videoinput: 'cameras',
  audioinput: 'microphones',
  audiooutput: 'speakers',
};

export function groupDevices(infos: readonly Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>[]): DeviceLists {
  const lists: DeviceLists = { cameras: [], microphones: [], speakers: [] };
  for (const info of infos) {
    // Before permission is granted, browsers hide devices behind empty ids: nothing to choose yet.
    if (!info.deviceId) continue;
    const list = lists[KIND_TO_LIST[info.kind]];
    if (list.some((d) => d.deviceId === info.deviceId)) continue;
    list.push({ deviceId: info.deviceId, label: info.label });
  }
  return lists;
}

export interface DeviceChoice {
  /** null: let the system pick its default. */
  deviceId: string | null;
  /** True when a remembered device was not available and the default is used instead. */
  fellBack: boolean;
}

export function chooseDevice(available: readonly DeviceOption[], preferred: string | null): DeviceChoice {
  if (preferred === null) return { deviceId: null, fellBack: false };
  if (available.some((d) => d.deviceId === preferred)) return { deviceId: preferred, fellBack: false };
  return { deviceId: null, fellBack: true };
}

export function labelOf(available: readonly DeviceOption[], deviceId: string | null | undefined): string | undefined {
  return available.find((d) => d.deviceId === deviceId)?.label;
}

export async function listDevices(mediaDevices: MediaDevices | undefined = globalThis.navigator?.mediaDevices): Promise<DeviceLists> {
  if (!mediaDevices?.enumerateDevices) return EMPTY_DEVICE_LISTS;
  return groupDevices(await mediaDevices.enumerateDevices());
}
