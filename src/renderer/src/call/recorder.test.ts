import { describe, expect, it } from 'vitest';
import { pickRecordingType, recordingExtension } from './recorder';

describe('the recording format', () => {
  it('is MP4 with H.264 where the recorder offers it, WebM otherwise, and never MP4 with VP9', () => {
    const offers = (types: string[]) => (type: string) => types.includes(type);
    expect(pickRecordingType(offers(['video/webm;codecs=vp8,opus', 'video/mp4;codecs=avc1,mp4a.40.2']))).toBe('video/mp4;codecs=avc1,mp4a.40.2');
    expect(pickRecordingType(offers(['video/webm;codecs=vp8,opus', 'video/mp4;codecs=vp9,opus']))).toBe('video/webm;codecs=vp8,opus');
    expect(pickRecordingType(offers([]))).toBe('');
  });

  it('names the file after what it is', () => {
    expect(recordingExtension('video/mp4;codecs=avc1,opus')).toBe('mp4');
    expect(recordingExtension('video/webm;codecs=vp8,opus')).toBe('webm');
    expect(recordingExtension('')).toBe('webm');
  });
});
