import { useEffect, useMemo, useRef } from 'react';
import { timestampedName } from '../../call/capture';
import { recordingExtension } from '../../call/recorder';
import { useText } from '../../i18n/useText';
import { Modal } from '../ui/Modal';
import { useSaveFile } from './useSaveFile';

/**
 * Play-back of a finished recording, with Save and Discard, in a modal dialog (Escape discards). MediaRecorder's WebM has no duration
 * in its header (nor, recorded live, does its MP4); seeking far ahead once makes the browser compute it, so the scrubber works.
 */
export function RecordingReview({ recording, onClose }: { recording: Blob; onClose: () => void }) {
  const url = useMemo(() => URL.createObjectURL(recording), [recording]);
  const video = useRef<HTMLVideoElement>(null);
  const save = useSaveFile();
  const t = useText();

  useEffect(() => () => URL.revokeObjectURL(url), [url]);

  const onLoadedMetadata = (): void => {
    const element = video.current;
    if (!element || Number.isFinite(element.duration)) return;
    element.addEventListener('durationchange', () => (element.currentTime = 0), { once: true });
    element.currentTime = Number.MAX_SAFE_INTEGER;
  };

  return (
    <Modal title={t('call.recording.title')} isOpen onClose={onClose} className="modal--wide">
      <video ref={video} src={url} controls aria-label={t('call.recording.playback')} onLoadedMetadata={onLoadedMetadata} className="recording__video" />
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={() => void save(timestampedName(t('call.recording.fileName'), recordingExtension(recording.type)), recording)}>
          {t('call.recording.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('call.recording.discard')}
        </button>
      </div>
    </Modal>
  );
}
