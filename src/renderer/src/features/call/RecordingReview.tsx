import { useEffect, useMemo, useRef } from 'react';
import { timestampedName } from '../../call/capture';
import { useSaveFile } from './useSaveFile';

/**
 * Play-back of a finished recording, with Save and Discard. MediaRecorder's WebM has no duration
 * in its header; seeking far ahead once makes the browser compute it, so the scrubber works.
 */
export function RecordingReview({ recording, onClose }: { recording: Blob; onClose: () => void }) {
  const url = useMemo(() => URL.createObjectURL(recording), [recording]);
  const video = useRef<HTMLVideoElement>(null);
  const save = useSaveFile();

  useEffect(() => () => URL.revokeObjectURL(url), [url]);

  const onLoadedMetadata = (): void => {
    const element = video.current;
    if (!element || Number.isFinite(element.duration)) return;
    element.addEventListener('durationchange', () => (element.currentTime = 0), { once: true });
    element.currentTime = Number.MAX_SAFE_INTEGER;
  };

  return (
    <div className="dialog" role="dialog" aria-label="Recording">
      <h2>Your recording</h2>
      <video ref={video} src={url} controls aria-label="Recording play-back" onLoadedMetadata={onLoadedMetadata} />
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={() => void save(timestampedName('Parley recording', 'webm'), recording)}>
          Save recording
        </button>
        <button type="button" className="button" onClick={onClose}>
          Discard
        </button>
      </div>
    </div>
  );
}
