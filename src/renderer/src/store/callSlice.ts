/**
 * The call as the UI sees it: joining, the peers and their streams, hosting, and errors.
 * The Call object itself lives outside the state; its events are turned into state updates here.
 */
import type { StateCreator } from 'zustand';
import { parseHostAddress } from '../../../shared/hostAddress';
import type { HostingStatus, IpcErrorCode } from '../../../shared/ipc';
import type { MediaState } from '../../../shared/peerMessages';
import { displayNameSchema, roomNameSchema } from '../../../shared/protocol.schemas';
import { Call } from '../call/call';
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
  /** Joins the room at the typed host address. */
  join(): Promise<void>;
  /** Starts hosting on this machine, then joins its own room like any participant. */
  host(): Promise<void>;
  leave(): Promise<void>;
  dismissError(): void;
  /** Sends the current outgoing tracks and mute/camera state to the call, if there is one. */
  publishLocalMedia(): void;
}

let activeCall: Call | undefined;

export const createCallSlice: StateCreator<ParleyState, [], [], CallSlice> = (set, get) => {
  const fail = (code: CallFailure['code'], detail: string): void =>
    set({ phase: 'idle', error: { code, message: describeError(code as CallErrorCode, detail) } });

  const updatePeer = (id: string, change: Partial<RemotePeer>): void =>
    set((state) => {
      const peer = state.peers[id];
      return peer ? { peers: { ...state.peers, [id]: { ...peer, ...change } } } : {};
    });

  /** Room and name are checked here with the server's own schemas, so typos fail before any network. */
  const validateForm = (): { room: string; name: string } | undefined => {
    const room = roomNameSchema.safeParse(get().room);
    if (!room.success) return void fail('BAD_REQUEST', room.error.issues[0]?.message ?? 'Invalid room name');
    const name = displayNameSchema.safeParse(get().displayName);
    if (!name.success) return void fail('BAD_REQUEST', name.error.issues[0]?.message ?? 'Invalid display name');
    return { room: room.data, name: name.data };
  };

  const joinAt = async (url: string, room: string, name: string): Promise<void> => {
    set({ phase: 'joining', error: null, peers: {} });
    await get().openMedia();
    const local = currentLocalMedia();
    const call = new Call({ url, room, name, localTracks: local.tracks, mediaState: local.state });
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
    call.on('ended', (error) => {
      activeCall = undefined;
      void stopHosting();
      set({ selfId: null, joinedRoom: null, peers: {} });
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

    join: async () => {
      if (get().phase !== 'idle') return;
      const form = validateForm();
      if (!form) return;
      const address = parseHostAddress(get().hostAddress, platform().defaultScheme);
      if (!address.ok) return fail('INVALID_ADDRESS', address.message);
      await joinAt(address.url, form.room, form.name);
    },

    host: async () => {
      const hosting = platform().hosting;
      if (get().phase !== 'idle' || !hosting) return;
      const form = validateForm();
      if (!form) return;
      set({ phase: 'joining', error: null });
      const started = await hosting.start({ room: form.room });
      if (!started.ok || !started.data.localUrl) {
        return fail(started.ok ? 'HOSTING_FAILED' : started.error.code, started.ok ? 'Hosting did not start' : started.error.message);
      }
      set({ hosting: started.data });
      await joinAt(started.data.localUrl, form.room, form.name);
      if (get().phase !== 'in-call') await stopHosting();
    },

    leave: async () => {
      const call = activeCall;
      activeCall = undefined;
      set({ phase: 'idle', selfId: null, joinedRoom: null, peers: {} });
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
