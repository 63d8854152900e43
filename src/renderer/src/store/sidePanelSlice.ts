/**
 * The call's side panel: one at a time (chat and files, people, statistics, settings), so no panel
 * ever covers another and the tiles keep a proper grid beside it. Opening chat reads the unread.
 */
import type { StateCreator } from 'zustand';
import type { ParleyState } from './index';

export type SidePanel = 'chat' | 'people' | 'stats' | 'settings';

export interface SidePanelSlice {
  sidePanel: SidePanel | null;
  /** Opens this panel (closing whichever was open), or closes it when it is the one open. */
  toggleSidePanel(panel: SidePanel): void;
  closeSidePanel(): void;
  /** The mini window (see features/call/MiniWindow.tsx) is wanted open. */
  miniWindowOpen: boolean;
  setMiniWindowOpen(open: boolean): void;
}

export const createSidePanelSlice: StateCreator<ParleyState, [], [], SidePanelSlice> = (set) => ({
  sidePanel: null,
  toggleSidePanel: (panel) =>
    set((state) => {
      if (state.sidePanel === panel) return { sidePanel: null };
      return panel === 'chat' ? { sidePanel: panel, unreadChat: 0 } : { sidePanel: panel };
    }),
  closeSidePanel: () => set({ sidePanel: null }),
  miniWindowOpen: false,
  setMiniWindowOpen: (miniWindowOpen) => set({ miniWindowOpen }),
});
