import { describe, expect, it } from 'vitest';
import { chooseDevice, groupDevices } from './devices';

const cams = [
  { deviceId: 'cam-a', label: 'Front' },
  { deviceId: 'cam-b', label: 'USB' },
];

describe('chooseDevice', () => {
  it('keeps the remembered device when it is present', () => {
    expect(chooseDevice(cams, 'cam-b')).toEqual({ deviceId: 'cam-b', fellBack: false });
  });

  it('falls back to the system default, and says so, when the remembered device is gone', () => {
    expect(chooseDevice(cams, 'cam-unplugged')).toEqual({ deviceId: null, fellBack: true });
  });

  it('uses the default without complaint when nothing was remembered', () => {
    expect(chooseDevice(cams, null)).toEqual({ deviceId: null, fellBack: false });
  });

  it('falls back when no device of the kind is left at all', () => {
    expect(chooseDevice([], 'cam-a')).toEqual({ deviceId: null, fellBack: true });
  });
});

describe('groupDevices', () => {
  it('sorts devices by kind, leaves unnamed ones unnamed (the view names them), and drops hidden and duplicate entries', () => {
    const lists = groupDevices([
      { deviceId: 'cam-a', kind: 'videoinput', label: 'Front' },
      { deviceId: 'mic-1', kind: 'audioinput', label: '' },
      { deviceId: 'mic-1', kind: 'audioinput', label: '' },
      { deviceId: '', kind: 'audioinput', label: '' },
      { deviceId: 'spk-1', kind: 'audiooutput', label: 'Headphones' },
    ]);
    expect(lists).toEqual({
      cameras: [{ deviceId: 'cam-a', label: 'Front' }],
      microphones: [{ deviceId: 'mic-1', label: '' }],
      speakers: [{ deviceId: 'spk-1', label: 'Headphones' }],
    });
  });
});
