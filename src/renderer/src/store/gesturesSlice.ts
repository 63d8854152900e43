/** Raised hands (in order) and reactions as the UI shows them; the Call's Gestures does the messaging. */
import type { StateCreator } from 'zustand';
import type { Reaction } from '../../../shared/peerMessages';
import type { Call } from '../call/call';
import type { ParleyState } from './index';

/** How long a reaction stays on its tile. */
export const REACTION_MS = 4000;

export interface GesturesSlice {
  /** Who has a hand up, first raised first ('self' for us). */
  hands: string[];
  /** The reaction each participant last sent, while it is shown ('self' for ours). */
  reactions: Record<string, { emoji: Reaction; key: number }>;
  toggleHand(): void;
  /** Host only. */
  lowerHandOf(peerId: string): void;
  react(emoji: Reaction): void;
}

let call: Call | undefined;
let nextKey = 1;

export const createGesturesSlice: StateCreator<ParleyState, [], [], GesturesSlice> = () => ({
  hands: [],
  reactions: {},
  toggleHand: () => call?.gestures.raiseHand(!call.gestures.handRaised()),
  lowerHandOf: (peerId) => call?.gestures.lowerHandOf(peerId),
  react: (emoji) => call?.gestures.react(emoji),
});

/** Follows a new call's hands and reactions; forgets the previous call's. */
export function attachGestures(next: Call, set: (change: Partial<ParleyState> | ((state: ParleyState) => Partial<ParleyState>)) => void, notify: () => void): void {
  call = next;
  set({ hands: [], reactions: {} });
  next.gestures.on('hands', (hands) => set({ hands }));
  next.gestures.on('lowered-by-host', notify);
  next.gestures.on('reaction', (peerId, emoji) => {
    const key = nextKey++;
    set((state) => ({ reactions: { ...state.reactions, [peerId]: { emoji, key } } }));
    setTimeout(() => {
      set((state) => {
        if (state.reactions[peerId]?.key !== key) return {};
        const { [peerId]: _gone, ...rest } = state.reactions;
        return { reactions: rest };
      });
    }, REACTION_MS);
  });
}
