/**
 * What a participant may ask of Janus through the host, and nothing else. Each message from the
 * participant's page is checked here before it is forwarded, with the host's API secret added:
 *
 * - only the requests a Parley client needs (sessions, VideoRoom handles, joining, publishing,
 *   subscribing, choosing layers, trickle, keepalives);
 * - only in the Janus room the host admitted it to; listing, creating, destroying, kicking,
 *   recording and forwarding are refused;
 * - a publisher joins under its own token and its Parley id as display name, whatever it sent, so
 *   nobody can appear as someone else.
 *
 * Janus's answers go back to the page unchanged.
 */
import type { JanusAdmission } from './janusRooms';

export const MAX_JANUS_MESSAGE_BYTES = 128 * 1024;
const MAX_SESSIONS = 1;
const MAX_HANDLES = 3; // a publisher, a subscriber, one spare while one is replaced

const JANUS_REQUESTS = new Set(['create', 'attach', 'message', 'trickle', 'keepalive', 'detach', 'destroy', 'hangup']);
const VIDEOROOM_REQUESTS = new Set(['join', 'configure', 'publish', 'unpublish', 'start', 'pause', 'subscribe', 'unsubscribe', 'update', 'leave']);
/** Fields a participant never sets itself: the host's secrets, recording, identity. */
const STRIPPED_BODY_FIELDS = ['secret', 'admin_key', 'pin', 'record', 'filename', 'token', 'id', 'display'];

export type Filtered = { forward: Record<string, unknown> } | { refuse: string; transaction?: string };

/** Per connection: how many sessions and handles it made, to bound what one page can hold open. */
export interface FilterState {
  sessions: number;
  handles: number;
}

export function filterClientRequest(text: string, admission: JanusAdmission, state: FilterState, apiSecret: string): Filtered {
  if (text.length > MAX_JANUS_MESSAGE_BYTES) return { refuse: 'Message too large' };
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { refuse: 'Not JSON' };
  }
  if (!isObject(message)) return { refuse: 'Not a Janus request' };
  const transaction = typeof message['transaction'] === 'string' && message['transaction'].length <= 64 ? message['transaction'] : undefined;
  const refuse = (why: string): Filtered => ({ refuse: why, transaction });
  const kind = message['janus'];
  if (typeof kind !== 'string' || !JANUS_REQUESTS.has(kind)) return refuse('Not allowed here');
  if (transaction === undefined) return refuse('A transaction is required');

  const forward: Record<string, unknown> = { ...message, apisecret: apiSecret };
  delete forward['token'];
  delete forward['admin_secret'];
  if (kind === 'create') {
    if (state.sessions >= MAX_SESSIONS) return refuse('One session per connection');
    state.sessions++;
    // Janus picks the id: one a client chose could be someone else's.
    delete forward['id'];
  }
  if (kind === 'attach') {
    if (message['plugin'] !== 'janus.plugin.videoroom') return refuse('Only the VideoRoom plugin');
    if (state.handles >= MAX_HANDLES) return refuse('Too many handles');
    state.handles++;
    delete forward['opaque_id'];
  }
  if (kind === 'message') {
    const body = message['body'];
    if (!isObject(body) || typeof body['request'] !== 'string' || !VIDEOROOM_REQUESTS.has(body['request'])) return refuse('Not allowed here');
    if (body['room'] !== undefined && body['room'] !== admission.janusRoom) return refuse('Not your room');
    const cleaned: Record<string, unknown> = { ...body };
    for (const field of STRIPPED_BODY_FIELDS) delete cleaned[field];
    if (body['request'] === 'join') {
      if (body['room'] !== admission.janusRoom) return refuse('Not your room');
      const ptype = body['ptype'];
      if (ptype === 'publisher') Object.assign(cleaned, { token: admission.token, display: admission.peerId });
      else if (ptype !== 'subscriber') return refuse('Unknown participant type');
    }
    forward['body'] = cleaned;
  }
  return { forward };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
