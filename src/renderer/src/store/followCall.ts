/**
 * A call's events turned into the store's state: who is in it, their streams, connections and
 * media state, the signaling and the room. store/callSlice.ts starts the call and hands it here;
 * fetched with the call layer (store/duringCall.ts), as the home screen needs none of it.
 */
import type { Call } from '../call/call';
import type { CallError } from '../call/callError';
import type { RemotePeer } from './callSlice';
import type { ParleyState } from './index';

export interface CallFollower {
  set: (change: Partial<ParleyState> | ((state: ParleyState) => Partial<ParleyState>)) => void;
  updatePeer: (id: string, change: Partial<RemotePeer>) => void;
  /** The call ended of itself (the host went away, we were removed…). */
  ended: (error: CallError) => void;
}

export function followCall(call: Call, { set, updatePeer, ended }: CallFollower): void {
  call.on('peer-joined', ({ id, name, isHost = false }) =>
    set((state) => ({ peers: { ...state.peers, [id]: { id, name, isHost, stream: null, connection: 'new', mediaState: null, screen: null, pathProblem: null } } })),
  );
  call.on('peer-left', (id) =>
    set((state) => {
      const { [id]: _gone, ...rest } = state.peers;
      return { peers: rest };
    }),
  );
  call.on('peer-stream', (id, stream) => updatePeer(id, { stream }));
  call.on('peer-connection-state', (id, connection) => updatePeer(id, { connection }));
  call.on('peer-path', (id, pathProblem) => updatePeer(id, { pathProblem }));
  call.on('peer-media-state', (id, mediaState) => updatePeer(id, { mediaState }));
  call.on('peer-screen', (id, screen) => updatePeer(id, { screen }));
  call.on('signaling-state', (signaling) => set({ signaling }));
  call.on('room-state', ({ locked }) => set({ roomLocked: locked }));
  call.on('self-id', (selfId) => set({ selfId }));
  call.on('ended', ended);
}
