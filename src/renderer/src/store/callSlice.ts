/**
 * The call as the UI sees it: joining, the peers and their streams, hosting, and errors.
 * The Call object itself lives outside the state; its events are turned into state updates here.
 */
import type { StateCreator } from 'zustand';
import { parseHostAddress } from '../../../shared/hostAddress';
import type { HostingStatus, IpcErrorCode } from '../../../shared/ipc';
import type { MediaState } from '../../../shared/peerMessages';
import { displayNameSchema, passcodeSchema, roomNameSchema } from '../../../shared/protocol.schemas';
import { Call, type SignalingState } from '../call/call';
import { CallError, type CallErrorCode } from '../call/callError';
import { platform } from '../platform';
import { describeError } from './errorText';
import { currentLocalMedia } from './mediaSlice';
import type { ParleyState } from './index';

export interface RemotePeer {
  id: string;
  name: string;
  stream: MediaStream | null;
  connection: RTCPeerConnectionState;
  /** As the peer last told us over the control channel; null until it has. */
  mediaState: MediaState | null;
}

export interface CallFailure {
  code: CallErrorCode | IpcErrorCode;
  message: string;
}

export interface CallSlice {
  phase: 'idle' | 'joining' | 'in-call';
  error: CallFailure | null;
  selfId: string | null;
  joinedRoom: string | null;
  peers: Record<string, RemotePeer>;
  hosting: HostingStatus | null;
  /** 'reconnecting' while the connection to the host is down (media between peers goes on). */
  signaling: SignalingState;
  isHost: boolean;
  roomLocked: boolean;
  /** What the last failed attempt was, so "Try again" repeats it. */
  lastAttempt: 'join' | 'host' | null;
  /** Joins the room at the typed host address. */
  join(): Promise<void>;
  /** Starts hosting on this machine, then joins its own room like any participant. */
  host(): Promise<void>;
  retry(): Promise<void>;
  leave(): Promise<void>;
  dismissError(): void;
  /** Host only. */
  setRoomLocked(locked: boolean): Promise<void>;
  /** Host only. */
  removePeer(peerId: string): Promise<void>;
  /** Sends the current outgoing tracks and mute/camera state to the call, if there is one. */
  publishLocalMedia(): void;
}

let activeCall: Call | undefined;

// Closing the window or tab: tell the host at once (a deliberate close is a leave, not a drop that
// would keep our tile frozen on the others' screens for the resume grace period).
globalThis.addEventListener?.('pagehide', () => activeCall?.abandon());

export const createCallSlice: StateCreator<ParleyState, [], [], CallSlice> = (set, get) => {
  const fail = (code: CallFailure['code'], detail: string): void =>
    set({ phase: 'idle', error: { code, message: describeError(code as CallErrorCode, detail) } });

  const updatePeer = (id: string, change: Partial<RemotePeer>): void =>
    set((state) => {
      const peer = state.peers[id];
      return peer ? { peers: { ...state.peers, [id]: { ...peer, ...change } } } : {};
    });

  /** Room, name and passcode are checked here with the server's own schemas, so typos fail before any network. */
  const validateForm = (): { room: string; name: string; passcode: string | undefined } | undefined => {
    const room = roomNameSchema.safeParse(get().room);
    if (!room.success) return void fail('BAD_REQUEST', room.error.issues[0]?.message ?? 'Invalid room name');
    const name = displayNameSchema.safeParse(get().displayName);
    if (!name.success) return void fail('BAD_REQUEST', name.error.issues[0]?.message ?? 'Invalid display name');
    const typed = get().passcode;
    const passcode = typed === '' ? undefined : passcodeSchema.safeParse(typed);
    if (passcode && !passcode.success) return void fail('BAD_REQUEST', passcode.error.issues[0]?.message ?? 'Invalid passcode');
    return { room: room.data, name: name.data, passcode: passcode?.data };
  };

  interface JoinTarget {
    url: string;
    room: string;
    name: string;
    passcode?: string;
    hostKey?: string;
  }

  const joinAt = async (target: JoinTarget): Promise<void> => {
    set({ phase: 'joining', error: null, peers: {}, signaling: 'connected', isHost: false, roomLocked: false });
    await get().openMedia();
    const local = currentLocalMedia();
    const call = new Call({ ...target, localTracks: local.tracks, mediaState: local.state });
    activeCall = call;
    call.on('peer-joined', ({ id, name: peerName }) =>
      set((state) => ({ peers: { ...state.peers, [id]: { id, name: peerName, stream: null, connection: 'new', mediaState: null } } })),
    );
    call.on('peer-left', (id) =>
      set((state) => {
        const { [id]: _gone, ...rest } = state.peers;
        return { peers: rest };
      }),
    );
    call.on('peer-stream', (id, stream) => updatePeer(id, { stream }));
    call.on('peer-connection-state', (id, connection) => updatePeer(id, { connection }));
    call.on('peer-media-state', (id, mediaState) => updatePeer(id, { mediaState }));
    call.on('signaling-state', (signaling) => set({ signaling }));
    call.on('room-state', ({ locked }) => set({ roomLocked: locked }));
    call.on('self-id', (selfId) => set({ selfId }));
    call.on('ended', (error) => {
      activeCall = undefined;
      void stopHosting();
      set({ selfId: null, joinedRoom: null, peers: {}, lastAttempt: null });
      fail(error.code, error.message);
    });

    try {
      const joined = await call.start();
      if (activeCall !== call) return; // left while joining
      const peers = Object.fromEntries(
        joined.peers.map((peer) => [peer.id, { ...peer, stream: null, connection: 'new' as const, mediaState: null }]),
      );
      set((state) => ({
        phase: 'in-call',
        selfId: joined.selfId,
        joinedRoom: joined.room,
        isHost: joined.isHost,
        roomLocked: joined.locked,
        lastAttempt: null,
        // Streams may already have arrived for these peers while the join was settling.
        peers: { ...peers, ...state.peers },
      }));
    } catch (error) {
      if (activeCall !== call) return; // the user left while joining: no error to show
      activeCall = undefined;
      const failure = error instanceof CallError ? error : new CallError('INTERNAL', String(error));
      fail(failure.code, failure.message);
    }
  };

  const stopHosting = async (): Promise<void> => {
    const hosting = platform().hosting;
    if (!get().hosting || !hosting) return;
    await hosting.stop();
    set({ hosting: null });
  };

  return {
    phase: 'idle',
    error: null,
    selfId: null,
    joinedRoom: null,
    peers: {},
    hosting: null,
    signaling: 'connected',
    isHost: false,
    roomLocked: false,
    lastAttempt: null,

    join: async () => {
      if (get().phase !== 'idle') return;
      set({ lastAttempt: 'join' });
      const form = validateForm();
      if (!form) return;
      const address = parseHostAddress(get().hostAddress, platform().defaultScheme);
      if (!address.ok) return fail('INVALID_ADDRESS', address.message);
      await joinAt({ url: address.url, ...form });
    },

    host: async () => {
      const hosting = platform().hosting;
      if (get().phase !== 'idle' || !hosting) return;
      set({ lastAttempt: 'host' });
      const form = validateForm();
      if (!form) return;
      set({ phase: 'joining', error: null });
      const started = await hosting.start({ room: form.room, passcode: form.passcode });
      if (!started.ok || !started.data.localUrl || !started.data.hostKey) {
        return fail(started.ok ? 'HOSTING_FAILED' : started.error.code, started.ok ? 'Hosting did not start' : started.error.message);
      }
      set({ hosting: started.data });
      await joinAt({ url: started.data.localUrl, room: form.room, name: form.name, hostKey: started.data.hostKey });
      if (get().phase !== 'in-call') await stopHosting();
    },

    retry: async () => {
      const attempt = get().lastAttempt;
      set({ error: null });
      if (attempt === 'host') await get().host();
      else await get().join();
    },

    setRoomLocked: async (locked) => {
      if (!activeCall) return;
      try {
        const state = await activeCall.setLocked(locked);
        set({ roomLocked: state.locked });
      } catch (error) {
        get().showNotice(`The room could not be ${locked ? 'locked' : 'unlocked'}: ${(error as Error).message}`);
      }
    },

    removePeer: async (peerId) => {
      if (!activeCall) return;
      try {
        await activeCall.remove(peerId);
      } catch (error) {
        get().showNotice(`That participant could not be removed: ${(error as Error).message}`);
      }
    },

    leave: async () => {
      const call = activeCall;
      activeCall = undefined;
      set({ phase: 'idle', selfId: null, joinedRoom: null, peers: {}, isHost: false, roomLocked: false, signaling: 'connected' });
      await call?.leave();
      await stopHosting();
    },

    dismissError: () => set({ error: null }),

    publishLocalMedia: () => {
      if (!activeCall) return;
      const { tracks, state } = currentLocalMedia();
      activeCall.setLocalTrack('audio', tracks.audio);
      activeCall.setLocalTrack('video', tracks.video);
      activeCall.setMediaState(state);
    },
  };
};
