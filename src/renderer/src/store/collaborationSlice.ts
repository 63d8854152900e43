/**
 * Chat and files as the UI sees them: the messages, how many are unread, every transfer with its
 * progress, and the received files ready to save. The Call owns the channels; this slice follows
 * its events and calls its methods.
 */
import type { StateCreator } from 'zustand';
import type { Call } from '../call/call';
import type { ChatEntry } from '../call/chat';
import type { TransferInfo } from '../call/fileTransfer';
import { platform } from '../platform';
import type { ParleyState } from './index';

export interface ShownChatEntry extends ChatEntry {
  /** The sender's name when it arrived (it stays right after they leave); null if nobody knew it. */
  fromName: string | null;
}

export interface CollaborationSlice {
  chat: ShownChatEntry[];
  unreadChat: number;
  transfers: Record<string, TransferInfo>;
  sendChat(text: string): boolean;
  /** To one participant, or to everyone in the call. */
  sendFile(file: File, to: string | 'everyone'): Promise<void>;
  acceptFile(id: string): void;
  declineFile(id: string): void;
  cancelFile(id: string): void;
  saveReceivedFile(id: string): Promise<void>;
}

let call: Call | undefined;
/** Received, verified files, kept outside the state (large) until saved or the call ends. */
const receivedFiles = new Map<string, Blob>();

export const createCollaborationSlice: StateCreator<ParleyState, [], [], CollaborationSlice> = (set, get) => ({
  chat: [],
  unreadChat: 0,
  transfers: {},

  sendChat: (text) => call?.chat.send(text) !== undefined,

  sendFile: async (file, to) => {
    if (!call) return;
    const targets = to === 'everyone' ? Object.keys(get().peers) : [to];
    if (targets.length === 0) return get().showNotice('notices.nobodyToSendTo');
    await Promise.all(targets.map((peerId) => call?.files.send(peerId, file, file.name)));
  },

  acceptFile: (id) => call?.files.accept(id),
  declineFile: (id) => call?.files.decline(id),
  cancelFile: (id) => call?.files.cancel(id),

  saveReceivedFile: async (id) => {
    const file = receivedFiles.get(id);
    const info = get().transfers[id];
    if (!file || !info) return;
    const outcome = await platform().saveFile(info.name, file);
    if (outcome.error) get().showNotice('notices.saveFailed', { detail: outcome.error });
    else if (outcome.saved) receivedFiles.delete(id);
  },
});

/** Follows a new call's chat and files; forgets the previous call's. */
export function attachCollaboration(next: Call, set: (change: Partial<ParleyState> | ((state: ParleyState) => Partial<ParleyState>)) => void): void {
  call = next;
  receivedFiles.clear();
  set({ chat: [], unreadChat: 0, transfers: {} });
  next.chat.on('message', (entry) =>
    set((state) => ({
      chat: [...state.chat, { ...entry, fromName: entry.from === null ? state.displayName : (state.peers[entry.from]?.name ?? null) }],
      unreadChat: state.sidePanel === 'chat' || entry.from === null ? state.unreadChat : state.unreadChat + 1,
    })),
  );
  next.files.on('change', (info) => set((state) => ({ transfers: { ...state.transfers, [info.id]: info } })));
  next.files.on('received', (info, file) => receivedFiles.set(info.id, file));
}
