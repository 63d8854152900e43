import { useCallback } from 'react';
import { platform } from '../../platform';
import { useParley } from '../../store';

/** Saves a blob the platform's way (dialog in the app, download in a browser) and tells the user how it went. */
export function useSaveFile(): (name: string, blob: Blob) => Promise<void> {
  const showNotice = useParley((s) => s.showNotice);
  return useCallback(
    async (name, blob) => {
      const outcome = await platform().saveFile(name, blob);
      if (outcome.error) showNotice('notices.saveFailed', { detail: outcome.error });
      else if (outcome.saved && outcome.location) showNotice('notices.savedTo', { location: outcome.location });
      else if (outcome.saved) showNotice('notices.savedToDownloads', { name });
    },
    [showNotice],
  );
}
