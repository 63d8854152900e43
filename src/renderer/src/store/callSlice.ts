/**
 * The call as the UI sees it: joining, the peers and their streams, hosting, and errors.
 * The Call object itself lives outside the state; its events are turned into state updates here.
 */
import type { StateCreator } from 'zustand';
import { shortCode } from '../../../shared/fingerprint';
import type { Message } from '../../../shared/i18n/catalogs';
import type { IceConfig } from '../../../shared/iceServers';
import { parseHostAddress } from '../../../shared/hostAddress';
import type { HostingStatus } from '../../../shared/ipc';
import type { MediaState, PeerView } from '../../../shared/peerMessages';
import type { Call, SignalingState } from '../call/call';
import type { JoinForm } from '../call/joinForm';
import type { PathProblem } from '../call/pathWatch';
import { CallError } from '../call/callError';
import { platform } from '../platform';
import { loadCallLayer } from './callLayer';
import { attachCollaboration } from './collaborationSlice';
import { attachGestures } from './gesturesSlice';
import { failedAttempt, type CallFailure } from './errorText';
import { checkHostAhead, prepareJoinAhead, takePreparedJoin } from './joinAhead';
import { attachScreenShare, endScreenShare } from './screenShareSlice';
import { currentLocalMedia } from './mediaSlice';
import type { ParleyState } from './index';

export interface RemotePeer {
  id: string;
  name: string;
  /** Hosts the room (the server says so; see PeerInfo.isHost). */
  isHost: boolean;
  stream: MediaStream | null;
  connection: RTCPeerConnectionState;
  /** As the peer last told us over the control channel; null until it has. */
  mediaState: MediaState | null;
  /** The peer's shared screen, shown while its media state says it is sharing. */
  screen: MediaStream | null;
  /** Why there is no network path to this peer yet (call/pathWatch.ts); null while there is one or it is too early to say. */
  pathProblem: PathProblem | null;
}

/** A host met for the first time: the user compares its security code before we connect. */
export interface PendingTrust {
  url: string;
  fingerprint: string;
  code: string;
}

export interface CallSlice {
  /** 'confirming': waiting for the user to compare a new host's security code. */
  phase: 'idle' | 'confirming' | 'joining' | 'in-call';
  pendingTrust: PendingTrust | null;
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
  /** True from Leave until the host has been told (the screen is already back home). */
  leaving: boolean;
  /** Joins the room at the typed host address. */
  join(): Promise<void>;
  /** Starts hosting on this machine, then joins its own room like any participant. */
  host(): Promise<void>;
  retry(): Promise<void>;
  /** The codes match: remember this host and join. */
  confirmTrust(): Promise<void>;
  declineTrust(): void;
  leave(): Promise<void>;
  dismissError(): void;
  /** Host only. */
  setRoomLocked(locked: boolean): Promise<void>;
  /** Host only. */
  removePeer(peerId: string): Promise<void>;
  /** How a tile shows this peer's camera: passed to that peer (see call/viewRequests.ts). */
  reportPeerView(peerId: string, view: PeerView): void;
  /** Sends the current outgoing tracks and mute/camera state to the call, if there is one. */
  publishLocalMedia(): void;
  /**
   * On the home screen: does ahead of time what a join to the typed address will need (see
   * call/joinPreparation.ts), so the click only has to send. Cheap to call often.
   */
  prepareJoin(): void;
}

let activeCall: Call | undefined;
/** What runs beside the call (its statistics, the others' voices): from the call layer, once loaded. */
let duringCall: Pick<Awaited<ReturnType<typeof loadCallLayer>>, 'stopStats' | 'stopRemoteVoices'> | undefined;

// Closing the window or tab: tell the host at once (a deliberate close is a leave, not a drop that
// would keep our tile frozen on the others' screens for the resume grace period).
globalThis.addEventListener?.('pagehide', () => activeCall?.abandon());

export const createCallSlice: StateCreator<ParleyState, [], [], CallSlice> = (set, get, store) => {
  const fail = (code: CallFailure['code'], detail: string, message?: Message): void => set(failedAttempt(code, detail, message));

  const updatePeer = (id: string, change: Partial<RemotePeer>): void =>
    set((state) => {
      const peer = state.peers[id];
      return peer ? { peers: { ...state.peers, [id]: { ...peer, ...change } } } : {};
    });

  /** The call layer, or the failure told; usually loaded long since (the home screen fetched it while getting the join ready). */
  const callLayerOrFail = async (): Promise<Awaited<ReturnType<typeof loadCallLayer>> | undefined> => {
    try {
      return await loadCallLayer();
    } catch (error) {
      const detail = (error as Error).message;
      return void fail('INTERNAL', detail, { key: 'errors.callNotLoaded', values: { detail } });
    }
  };

  /** Room, name, passcode and STUN/TURN servers are checked before any network, by the call layer's check (with zod). */
  const validateForm = async (): Promise<JoinForm | undefined> => {
    const callLayer = await callLayerOrFail();
    if (!callLayer) return undefined;
    const checked = callLayer.checkJoinForm(get());
    if (!checked.ok) return void fail('BAD_REQUEST', checked.detail, checked.message);
    return checked.form;
  };

  interface JoinTarget {
    url: string;
    room: string;
    name: string;
    passcode?: string;
    /** Our own hosting session's key; otherwise the organiser link's, if one was opened. */
    hostKey?: string;
    ice?: IceConfig;
  }

  const joinAt = async (target: JoinTarget): Promise<void> => {
    set({ phase: 'joining', error: null, peers: {}, signaling: 'connected', isHost: false, roomLocked: false, listening: {} });
    const callLayer = callLayerOrFail();
    await get().openMedia();
    const layer = await callLayer;
    if (!layer) return;
    const CallOfLayer: typeof Call = layer.Call;
    duringCall = layer;
    layer.startRemoteVoices(get(), store.subscribe);
    const local = currentLocalMedia();
    const prepared = takePreparedJoin(target.url, target.ice);
    const hostKey = target.hostKey ?? get().organiserKey ?? undefined;
    const call = new CallOfLayer({ ...target, hostKey, localTracks: local.tracks, mediaState: local.state, prepared });
    activeCall = call;
    attachCollaboration(call, set);
    attachGestures(call, set, () => get().showNotice('notices.handLowered'));
    layer.followCall(call, {
      set,
      updatePeer,
      ended: (error) => {
        leaveCallState();
        void stopHosting();
        set({ lastAttempt: null });
        fail(error.code, error.message);
      },
    });

    try {
      const joined = await call.start();
      if (activeCall !== call) return; // left while joining
      layer.startStats(call, set);
      attachScreenShare(call);
      const peers = Object.fromEntries(
        joined.peers.map((peer) => [peer.id, { ...peer, isHost: peer.isHost ?? false, stream: null, connection: 'new' as const, mediaState: null, screen: null, pathProblem: null }]),
      );
      set((state) => ({
        phase: 'in-call',
        selfId: joined.selfId,
        joinedRoom: joined.room,
        isHost: joined.isHost,
        roomLocked: joined.locked,
        lastAttempt: null,
        peerStats: {},
        activeSpeaker: null,
        pinned: null,
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

  /** Back to the home screen's state, however the call ended: no call, no sampling, no shared screen. */
  const leaveCallState = (): void => {
    activeCall = undefined;
    duringCall?.stopStats();
    duringCall?.stopRemoteVoices();
    endScreenShare(set, get);
    set({ phase: 'idle', selfId: null, joinedRoom: null, peers: {}, isHost: false, roomLocked: false, signaling: 'connected' });
  };

  const stopHosting = async (): Promise<void> => {
    const hosting = platform().hosting;
    if (!get().hosting || !hosting) return;
    await hosting.stop();
    set({ hosting: null });
  };

  return {
    phase: 'idle',
    pendingTrust: null,
    error: null,
    selfId: null,
    joinedRoom: null,
    peers: {},
    hosting: null,
    signaling: 'connected',
    isHost: false,
    roomLocked: false,
    lastAttempt: null,
    leaving: false,

    join: async () => {
      if (get().phase !== 'idle') return;
      // A browser asks to notify only on a click: this is the one that starts the call.
      if (get().desktop.notifyInBackground) platform().askToNotify();
      set({ lastAttempt: 'join' });
      const form = await validateForm();
      // A second click while the first waited for the check: the first goes on.
      if (!form || get().phase !== 'idle') return;
      const address = parseHostAddress(get().hostAddress, platform().defaultScheme);
      // Nothing typed is no mistake to point out, just the one field still to fill in.
      if (!address.ok) return fail('INVALID_ADDRESS', address.message, get().hostAddress.trim() === '' ? { key: 'errors.addressMissing' } : undefined);
      const trust = platform().trust;
      if (!trust) return joinAt({ url: address.url, ...form });

      // The app checks the host's certificate first: against the invite, or what it remembers,
      // or (the first time) by asking the user to compare the security code.
      set({ phase: 'joining', error: null });
      const checked = await checkHostAhead(trust, { url: address.url, expectedFingerprint: get().invitedFingerprint ?? undefined });
      if (!checked.ok) return fail(checked.error.code, checked.error.message);
      const { url, status, fingerprint } = checked.data;
      if (status === 'unknown' && fingerprint) {
        set({ phase: 'confirming', pendingTrust: { url, fingerprint, code: shortCode(fingerprint) } });
        return;
      }
      await joinAt({ url, ...form });
    },

    confirmTrust: async () => {
      const pending = get().pendingTrust;
      const trust = platform().trust;
      if (get().phase !== 'confirming' || !pending || !trust) return;
      set({ pendingTrust: null, phase: 'joining' });
      const accepted = await trust.accept({ url: pending.url, fingerprint: pending.fingerprint });
      if (!accepted.ok) return fail(accepted.error.code, accepted.error.message);
      const form = await validateForm();
      if (!form) return;
      await joinAt({ url: pending.url, ...form });
    },

    declineTrust: () => {
      set({ pendingTrust: null });
      fail('CERTIFICATE_DECLINED', 'The security code was not confirmed');
    },

    host: async () => {
      const hosting = platform().hosting;
      if (get().phase !== 'idle' || !hosting) return;
      set({ lastAttempt: 'host' });
      const form = await validateForm();
      if (!form || get().phase !== 'idle') return;
      set({ phase: 'joining', error: null });
      const started = await hosting.start({ room: form.room, passcode: form.passcode });
      if (!started.ok || !started.data.localUrl || !started.data.hostKey) {
        return fail(started.ok ? 'HOSTING_FAILED' : started.error.code, started.ok ? 'Hosting did not start' : started.error.message);
      }
      set({ hosting: started.data });
      await joinAt({ url: started.data.localUrl, room: form.room, name: form.name, hostKey: started.data.hostKey, ice: form.ice });
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
        get().showNotice(locked ? 'notices.lockFailed' : 'notices.unlockFailed', { detail: (error as Error).message });
      }
    },

    removePeer: async (peerId) => {
      if (!activeCall) return;
      try {
        await activeCall.remove(peerId);
      } catch (error) {
        get().showNotice('notices.removeFailed', { detail: (error as Error).message });
      }
    },

    leave: async () => {
      const call = activeCall;
      if (call) set({ leaving: true });
      leaveCallState();
      try {
        await call?.leave();
        await stopHosting();
      } finally {
        if (call) set({ leaving: false });
      }
    },

    dismissError: () => set({ error: null }),

    reportPeerView: (peerId, view) => activeCall?.setPeerView(peerId, view),

    publishLocalMedia: () => {
      if (!activeCall) return;
      const { tracks, state } = currentLocalMedia();
      activeCall.setLocalTrack('audio', tracks.audio);
      activeCall.setLocalTrack('video', tracks.video);
      activeCall.setMediaState(state);
    },

    prepareJoin: () => {
      if (get().phase !== 'idle') return;
      const address = parseHostAddress(get().hostAddress, platform().defaultScheme);
      prepareJoinAhead({
        tracks: currentLocalMedia().tracks,
        ice: { text: get().iceServersText, username: get().turnUsername, credential: get().turnCredential, relayOnly: get().relayOnly },
        hostUrl: address.ok ? address.url : undefined,
        trust: platform().trust ?? null,
        expectedFingerprint: get().invitedFingerprint ?? undefined,
        stillIdle: () => get().phase === 'idle',
      });
    },
  };
};
