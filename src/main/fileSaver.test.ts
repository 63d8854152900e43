import { describe, expect, it, vi } from 'vitest';
import { createFileSaver } from './fileSaver';


describe('saving a file', () => {
  it('offers the downloads folder with the suggested name and writes where the user chose', async () => {
    const writeFile = vi.fn(async () => undefined);
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/tmp/chosen.png' }));
    const save = createFileSaver({ showSaveDialog, writeFile, downloadsDir: '/home/ada/Downloads' });
    const data = new Uint8Array([1, 2, 3]);
    expect(await save({ suggestedName: 'snap.png', data })).toEqual({ saved: true, path: '/tmp/chosen.png' });
    expect(showSaveDialog).toHaveBeenCalledWith({ defaultPath: '/home/ada/Downloads/snap.png', filters: [{ name: 'PNG image', extensions: ['png'] }] });
    expect(writeFile).toHaveBeenCalledWith('/tmp/chosen.png', data);
  });

  it('writes nothing when the user cancels', async () => {
    const writeFile = vi.fn(async () => undefined);
    const save = createFileSaver({ showSaveDialog: async () => ({ canceled: true, filePath: '' }), writeFile, downloadsDir: '/d' });
    expect(await save({ suggestedName: 'rec.webm', data: new Uint8Array(1) })).toEqual({ saved: false, path: null });
    expect(writeFile).not.toHaveBeenCalled();
  });
});
