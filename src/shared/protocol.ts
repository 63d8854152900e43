/**
 * The signaling protocol between a participant and the host's server, in one place.
 *
 * Both sides type their Socket.IO instances with these maps (`Server<ClientToServerEvents,
 * ServerToClientEvents>` and `Socket<ServerToClientEvents, ClientToServerEvents>`), so a change here
 * is a compile error wherever the other side disagrees. Types are not validation: every inbound
 * payload is also checked against `protocol.schemas.ts` before the server uses it.
 *
 * No electron, node or DOM imports here: this file is shared by every process.
 */

/**
 * Bumped when a change would confuse an older peer; the server refuses other versions.
 * 2: a file offer carries `sha256Blocks` (SHA-256 of its 1 MiB blocks' SHA-256s) for `sha256`.
 */
export const PROTOCOL_VERSION = 2;

/** The port a host listens on unless told otherwise; joiners assume it when none is typed. */
export const DEFAULT_PORT = 47100;

/** Participants per room, the original demo's limit: a full mesh past this strains every uplink. */
export const DEFAULT_ROOM_CAPACITY = 8;

export const LIMITS = {
  roomName: { min: 1, max: 64 },
  displayName: { min: 1, max: 48 },
  passcode: { min: 1, max: 64 },
  /** An SDP for audio + video + data with simulcast stays well under this. */
  sdpBytes: 64 * 1024,
  candidateBytes: 2 * 1024,
  /** Socket.IO's `maxHttpBufferSize`: the largest signal plus headroom, nothing more. */
  packetBytes: 100 * 1024,
} as const;

/** Stable error codes; the UI maps each to a sentence, tests match on them. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'ROOM_FULL',
  'NOT_IN_ROOM',
  'ALREADY_IN_ROOM',
  'UNKNOWN_PEER',
  'VERSION_MISMATCH',
  'RATE_LIMITED',
  'PASSCODE_REQUIRED',
  'WRONG_PASSCODE',
  'ROOM_LOCKED',
  'NOT_HOST',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

/** Every request is answered with exactly one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export interface PeerInfo {
  id: string;
  name: string;
  /** The one who hosts the room (it holds the host key): people lists mark it. */
  isHost?: boolean;
}

/** A newcomer, as announced to those already in the room. */
export interface PeerJoined extends PeerInfo {
  /** Its first offer, when one came with its join and this participant is the one it is for. */
  offer?: SessionDescription;
}

export interface JoinRequest {
  room: string;
  name: string;
  protocolVersion: number;
  /** Needed when the host set one; checked before anything else about the room is revealed. */
  passcode?: string;
  /** The secret the hosting app got when it started the server: it makes this participant the host. */
  hostKey?: string;
  /**
   * The token from an earlier join on a connection that dropped: within the grace period the
   * participant gets its old id back, so the others keep their peer connections to it.
   */
  resumeToken?: string;
  /**
   * The newcomer's first offer, made before the join: the host hands it to the first participant
   * present inside the announcement of the newcomer (`PeerJoined.offer`), which saves the round
   * trip of sending it after the acknowledgement. Ignored on a resume.
   */
  offer?: SessionDescription;
}

export interface JoinResult {
  selfId: string;
  room: string;
  /** Everyone already in the room; the newcomer opens a connection to each of them at once. */
  peers: PeerInfo[];
  /** Present this on the next join after a dropped connection to resume as the same participant. */
  resumeToken: string;
  /** True when `resumeToken` was accepted and `selfId` is the id this participant had before. */
  resumed: boolean;
  isHost: boolean;
  locked: boolean;
  /** Who the join's `offer` was relayed to; absent when there was none or nobody to give it to. */
  offeredTo?: string;
  /**
   * Present when the host forwards media through Janus (SFU mode): the client publishes and
   * subscribes there, through the host's own port (`/janus`), instead of sending media to each peer.
   */
  sfu?: SfuAccess;
}

/** A participant's way into the host's Janus room: good for this participation only. */
export interface SfuAccess {
  janusRoom: number;
  /** Presented when connecting to `/janus` (as `?access=`), and on the room's allowed list. */
  token: string;
}

/** Where the host's Janus is reached, on the host's own origin. */
export const SFU_PATH = '/janus';

/** What the server's `/parley.json` says about it, before anyone joins. */
export interface ServerIdentity {
  app: 'parley';
  protocolVersion: number;
  passcodeRequired: boolean;
}

export interface RoomState {
  locked: boolean;
}

/** Why the server is sending us away. */
export type FarewellReason = 'host-ended' | 'removed-by-host';

/** How long a participant whose connection dropped keeps its place (and id) in the room. */
export const RESUME_GRACE_MS = 30_000;

export interface SessionDescription {
  type: 'offer' | 'answer' | 'pranswer' | 'rollback';
  sdp: string;
}

export interface IceCandidate {
  candidate: string;
  sdpMid: string | null;
  sdpMLineIndex: number | null;
  usernameFragment: string | null;
}

/** What one peer sends another through the server; the server never looks inside beyond validation. */
export type SignalPayload =
  | { kind: 'description'; description: SessionDescription }
  /** `null` marks the end of candidates. */
  | { kind: 'candidate'; candidate: IceCandidate | null }
  /**
   * From the polite side of a pair whose own network just changed: "restart ICE now". Restarts
   * are the impolite side's to make (two crossing restart offers went wrong in Chromium; see
   * PeerSession), so the side that moved asks instead of waiting for the other to notice.
   */
  | { kind: 'restart-ice' };

export interface SignalRequest {
  to: string;
  payload: SignalPayload;
}

export interface RelayedSignal {
  from: string;
  payload: SignalPayload;
}

export interface ClientToServerEvents {
  join: (request: JoinRequest, ack: (result: Ack<JoinResult>) => void) => void;
  leave: (ack: (result: Ack<null>) => void) => void;
  signal: (request: SignalRequest, ack: (result: Ack<null>) => void) => void;
  /** Host only: refuse (or again admit) newcomers; participants already in stay. */
  'room:lock': (request: RoomState, ack: (result: Ack<RoomState>) => void) => void;
  /** Host only: send one participant away. */
  'room:remove': (request: { peerId: string }, ack: (result: Ack<null>) => void) => void;
}

export interface ServerToClientEvents {
  'peer-joined': (peer: PeerJoined) => void;
  'peer-left': (peer: { id: string }) => void;
  /** A participant whose connection dropped is back (same id): recheck the connection to it. */
  'peer-returned': (peer: { id: string }) => void;
  signal: (signal: RelayedSignal) => void;
  'room-state': (state: RoomState) => void;
  /** Sent just before the server closes this connection for good. */
  farewell: (farewell: { reason: FarewellReason }) => void;
}

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail<T = never>(code: ErrorCode, message: string): Ack<T> {
  return { ok: false, error: { code, message } };
}
