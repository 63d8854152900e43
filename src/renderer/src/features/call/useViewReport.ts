/**
 * Tells the call how this remote tile shows its participant's camera, whenever that changes:
 * featured or thumbnail, at what size (device pixels), or not shown at all (scrolled out of view,
 * or the window hidden or minimised, unless the mini window shows this participant). The call
 * passes it to that participant, whose camera then sends no more than that (viewRequests.ts).
 */
import { useEffect, type RefObject } from 'react';
import { MINI_WINDOW_SIZE } from '../../../../shared/miniWindow';
import type { PeerView } from '../../../../shared/peerMessages';
import { useParley } from '../../store';
import { miniWindowPeerId } from '../../store/miniWindowPeer';

export function useViewReport(peerId: string | undefined, tile: RefObject<HTMLElement | null>, thumbnail: boolean): void {
  useEffect(() => {
    const element = tile.current;
    // (Engines without the observers, jsdom among them, send no view: the peer keeps sending as before.)
    if (!peerId || !element || typeof ResizeObserver === 'undefined' || typeof IntersectionObserver === 'undefined') return;
    let intersecting = true;
    let size = { width: 0, height: 0 };
    const report = (): void => {
      const state = useParley.getState();
      const tell = (view: PeerView): void => {
        // Also on the tile, for whoever inspects it (and the end-to-end test of this mechanism).
        element.dataset['view'] = view.shown;
        state.reportPeerView(peerId, view);
      };
      const pageShown = document.visibilityState === 'visible';
      const scale = window.devicePixelRatio || 1;
      if (!pageShown) {
        // Behind a hidden window only the mini window may still show someone.
        const inMini = state.miniWindowOpen && miniWindowPeerId(state) === peerId;
        const mini = { width: MINI_WINDOW_SIZE.width * scale, height: MINI_WINDOW_SIZE.height * scale };
        tell(inMini ? { shown: 'thumbnail', ...roundSize(mini) } : { shown: 'hidden', width: 0, height: 0 });
        return;
      }
      if (!intersecting || size.height === 0) return tell({ shown: 'hidden', width: 0, height: 0 });
      tell({ shown: thumbnail ? 'thumbnail' : 'featured', ...roundSize({ width: size.width * scale, height: size.height * scale }) });
    };
    const resizes = new ResizeObserver(([entry]) => {
      if (!entry) return;
      size = { width: entry.contentRect.width, height: entry.contentRect.height };
      report();
    });
    const visibility = new IntersectionObserver(([entry]) => {
      if (!entry) return;
      intersecting = entry.isIntersecting;
      report();
    });
    resizes.observe(element);
    visibility.observe(element);
    document.addEventListener('visibilitychange', report);
    // The mini window opening or closing, or its participant changing, changes who is shown behind a hidden window.
    const unsubscribe = useParley.subscribe((next, previous) => {
      if (next.miniWindowOpen !== previous.miniWindowOpen || miniWindowPeerId(next) !== miniWindowPeerId(previous)) report();
    });
    return () => {
      resizes.disconnect();
      visibility.disconnect();
      document.removeEventListener('visibilitychange', report);
      unsubscribe();
    };
  }, [peerId, tile, thumbnail]);
}

const roundSize = ({ width, height }: { width: number; height: number }) => ({ width: Math.min(8192, Math.round(width)), height: Math.min(8192, Math.round(height)) });
