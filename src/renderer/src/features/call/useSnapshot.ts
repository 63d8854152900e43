import { useCallback } from 'react';
import { captureFrame, timestampedName } from '../../call/capture';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { useSaveFile } from './useSaveFile';

/** A tile's snapshot button: saves the frame shown as "<name> <time>.png", or says why it could not. */
export function useSnapshot(): (name: string, video: HTMLVideoElement) => Promise<void> {
  const t = useText();
  const save = useSaveFile();
  const showNotice = useParley((state) => state.showNotice);
  return useCallback(
    async (name, video) => {
      try {
        await save(timestampedName(t('call.tile.snapshotFile', { name }), 'png'), await captureFrame(video));
      } catch (error) {
        showNotice('notices.snapshotFailed', { detail: (error as Error).message });
      }
    },
    [save, t, showNotice],
  );
}
