/**
 * Where the mini window lives: Document Picture-in-Picture where a browser has it (always on top,
 * the browser's own), else a small popup (in the desktop app, main lets exactly this one open,
 * always on top: see src/main/miniWindow.ts). Either way a same-origin document the call renders
 * into, so its streams play there without another connection. It gets the page's stylesheets,
 * language and theme.
 */
import { MINI_WINDOW_NAME, MINI_WINDOW_SIZE, MINI_WINDOW_URL } from '../../../../shared/miniWindow';

interface DocumentPictureInPicture {
  requestWindow(options: { width: number; height: number }): Promise<Window>;
}

export async function openMiniWindow(usePictureInPicture: boolean): Promise<Window | null> {
  const pip = (window as Window & { documentPictureInPicture?: DocumentPictureInPicture }).documentPictureInPicture;
  let opened: Window | null = null;
  if (usePictureInPicture && pip) {
    try {
      opened = await pip.requestWindow(MINI_WINDOW_SIZE);
    } catch {
      opened = null; // no user activation, or refused: try the popup
    }
  }
  opened ??= window.open(MINI_WINDOW_URL, MINI_WINDOW_NAME, `popup,width=${MINI_WINDOW_SIZE.width},height=${MINI_WINDOW_SIZE.height}`);
  if (!opened) return null;
  dressLikeThePage(opened.document);
  return opened;
}

function dressLikeThePage(target: Document): void {
  target.title = 'Parley';
  for (const sheet of document.querySelectorAll('link[rel="stylesheet"], style')) target.head.append(target.importNode(sheet, true));
  const root = document.documentElement;
  target.documentElement.lang = root.lang;
  if (root.dataset['theme']) target.documentElement.dataset['theme'] = root.dataset['theme'];
  target.documentElement.style.colorScheme = root.style.colorScheme;
  target.body.className = 'mini-body';
}
