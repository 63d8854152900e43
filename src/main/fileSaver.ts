/**
 * Saving snapshots, recordings and received files: the user picks where in a native save dialog; the renderer
 * never names a path. Dependencies are passed in so tests run without Electron.
 */
import { join } from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { SaveFileRequest, SaveFileResult } from '../shared/ipc';

export interface FileSaverDeps {
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  downloadsDir: string;
}

const FILTERS: Record<string, SaveDialogOptions['filters']> = {
  png: [{ name: 'PNG image', extensions: ['png'] }],
  webm: [{ name: 'WebM video', extensions: ['webm'] }],
};

export function createFileSaver({ showSaveDialog, writeFile, downloadsDir }: FileSaverDeps) {
  return async ({ suggestedName, data }: SaveFileRequest): Promise<SaveFileResult> => {
    const extension = suggestedName.slice(suggestedName.lastIndexOf('.') + 1).toLowerCase();
    const choice = await showSaveDialog({ defaultPath: join(downloadsDir, suggestedName), filters: FILTERS[extension] });
    if (choice.canceled || !choice.filePath) return { saved: false, path: null };
    await writeFile(choice.filePath, data);
    return { saved: true, path: choice.filePath };
  };
}

export type FileSaver = ReturnType<typeof createFileSaver>;
