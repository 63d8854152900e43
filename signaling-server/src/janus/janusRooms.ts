/**
 * Admission to Janus follows admission to Parley. For each Parley room the host creates one
 * private VideoRoom room (its own secret, subscriptions only with a publisher's private id) and
 * gives each admitted participant a token of its own, on the room's allowed list. Leaving or
 * being removed takes the token off the list and closes the participant's Janus connections, so
 * a removed participant cannot publish again, nor subscribe.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { SfuAccess } from '../../../src/shared/protocol';
import type { JanusConnection } from './janusConnection';

export interface JanusAdmission extends SfuAccess {
  peerId: string;
  room: string;
}

interface JanusRoom {
  id: number;
  secret: string;
  members: Set<string>;
}

/** The most a publisher sends in all its simulcast layers together (VideoRoom's REMB cap). */
const PUBLISHER_BITRATE = 2_000_000;

const secret = (): string => randomBytes(24).toString('base64url');

export class JanusRooms {
  private readonly rooms = new Map<string, Promise<JanusRoom>>();
  private readonly byPeer = new Map<string, JanusAdmission>();
  private readonly byToken = new Map<string, JanusAdmission>();
  /** Told when a participant's access ends: the proxy closes its connections to Janus. */
  onRevoked: (token: string) => void = () => undefined;

  constructor(
    private readonly janus: JanusConnection,
    private readonly adminKey: string,
    private readonly capacity: number,
  ) {}

  /** The participant's access (the same one again on a resume). */
  async admit(peerId: string, room: string): Promise<SfuAccess> {
    const existing = this.byPeer.get(peerId);
    if (existing) return { janusRoom: existing.janusRoom, token: existing.token };
    const janusRoom = await this.roomFor(room);
    const token = secret();
    await this.janus.videoRoom({ request: 'allowed', room: janusRoom.id, secret: janusRoom.secret, action: 'add', allowed: [token] });
    const admission: JanusAdmission = { peerId, room, janusRoom: janusRoom.id, token };
    janusRoom.members.add(peerId);
    this.byPeer.set(peerId, admission);
    this.byToken.set(token, admission);
    return { janusRoom: janusRoom.id, token };
  }

  /** Whose token this is, if it is still valid: the proxy lets only such connections through. */
  admission(token: string): JanusAdmission | undefined {
    return this.byToken.get(token);
  }

  /** The participation ended (left, removed, dropped for good): its access goes, and the room when empty. */
  async dismiss(peerId: string): Promise<void> {
    const admission = this.byPeer.get(peerId);
    if (!admission) return;
    this.byPeer.delete(peerId);
    this.byToken.delete(admission.token);
    this.onRevoked(admission.token);
    const janusRoom = await this.rooms.get(admission.room);
    if (!janusRoom) return;
    janusRoom.members.delete(peerId);
    if (janusRoom.members.size === 0) {
      this.rooms.delete(admission.room);
      await this.janus.videoRoom({ request: 'destroy', room: janusRoom.id, secret: janusRoom.secret });
    } else {
      await this.janus.videoRoom({ request: 'allowed', room: janusRoom.id, secret: janusRoom.secret, action: 'remove', allowed: [admission.token] });
    }
  }

  /** The host stops: its rooms go from Janus (they outlive the session that made them), then the connection. */
  async close(): Promise<void> {
    const rooms = await Promise.allSettled(this.rooms.values());
    this.rooms.clear();
    await Promise.allSettled(
      rooms.flatMap((room) => (room.status === 'fulfilled' ? [this.janus.videoRoom({ request: 'destroy', room: room.value.id, secret: room.value.secret })] : [])),
    );
    this.janus.close();
  }

  private roomFor(room: string): Promise<JanusRoom> {
    let created = this.rooms.get(room);
    if (!created) {
      created = this.create();
      this.rooms.set(room, created);
      // A failed creation is not kept: the next join tries again.
      created.catch(() => this.rooms.delete(room));
    }
    return created;
  }

  private async create(): Promise<JanusRoom> {
    const janusRoom: JanusRoom = { id: randomInt(1, 2 ** 47), secret: secret(), members: new Set() };
    await this.janus.videoRoom({
      request: 'create',
      admin_key: this.adminKey,
      room: janusRoom.id,
      description: 'parley',
      secret: janusRoom.secret,
      is_private: true,
      // Only holders of a token from the host publish; only publishers (by their private id) subscribe.
      allowed: [],
      require_pvtid: true,
      publishers: this.capacity,
      bitrate: PUBLISHER_BITRATE,
      // Janus 1.1 switches a subscriber to another layer on that layer's next keyframe and does
      // not ask the sender for one: ask every 3 s, so a new featured tile sharpens within that.
      fir_freq: 3,
      videocodec: 'vp8',
      audiocodec: 'opus',
      notify_joining: false,
      permanent: false,
    });
    return janusRoom;
  }
}
