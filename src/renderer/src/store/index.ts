/**
 * The one store, made of typed slices. Only the join form's fields are persisted (localStorage),
 * so the next run opens with the same host, room and name.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createCallSlice, type CallSlice } from './callSlice';
import { createCollaborationSlice, type CollaborationSlice } from './collaborationSlice';
import { createGesturesSlice, type GesturesSlice } from './gesturesSlice';
import { createListeningSlice, type ListeningSlice } from './listeningSlice';
import { createJoinTargetSlice, type JoinTargetSlice } from './joinTargetSlice';
import { createMediaSlice, PERSISTED_MEDIA, type MediaSlice } from './mediaSlice';
import { createScreenShareSlice, type ScreenShareSlice } from './screenShareSlice';
import { createSettingsSlice, PERSISTED_SETTINGS, type SettingsSlice } from './settingsSlice';
import { createSidePanelSlice, type SidePanelSlice } from './sidePanelSlice';
import { createStatsSlice, type StatsSlice } from './statsSlice';

export type ParleyState = SettingsSlice & MediaSlice & JoinTargetSlice & CallSlice & ScreenShareSlice & CollaborationSlice & StatsSlice & SidePanelSlice & GesturesSlice & ListeningSlice;

export const useParley = create<ParleyState>()(
  persist(
    (...args) => ({
      ...createSettingsSlice(...args),
      ...createMediaSlice(...args),
      ...createJoinTargetSlice(...args),
      ...createCallSlice(...args),
      ...createScreenShareSlice(...args),
      ...createCollaborationSlice(...args),
      ...createStatsSlice(...args),
      ...createSidePanelSlice(...args),
      ...createGesturesSlice(...args),
      ...createListeningSlice(...args),
    }),
    {
      name: 'parley.settings',
      version: 1,
      // Choices added in a later version keep their defaults when older saved settings are read.
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<ParleyState>;
        return { ...current, ...saved, desktop: { ...current.desktop, ...saved.desktop, sounds: { ...current.desktop.sounds, ...saved.desktop?.sounds } } };
      },
      partialize: (state) =>
        Object.fromEntries([...PERSISTED_SETTINGS, ...PERSISTED_MEDIA].map((key) => [key, state[key]])) as Pick<
          ParleyState,
          (typeof PERSISTED_SETTINGS)[number] | (typeof PERSISTED_MEDIA)[number]
        >,
    },
  ),
);
