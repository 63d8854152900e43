/**
 * Pure room and peer bookkeeping: who is in which room, and whether a room has space.
 * No sockets here, so the rules (capacity, one room per peer, same-room checks) are unit-testable.
 */
import type { PeerInfo } from '../../src/shared/protocol';

export interface Participant extends PeerInfo {
  room: string;
}

export type JoinOutcome =
  | { ok: true; peers: PeerInfo[] }
  | { ok: false; reason: 'ROOM_FULL' | 'ALREADY_IN_ROOM' | 'ROOM_LOCKED' };

/** What others learn of a participant: its id and name, and whether it hosts (only when it does). */
function peerInfo({ id, name, isHost }: Participant): PeerInfo {
  return isHost ? { id, name, isHost } : { id, name };
}

/** Throws unless `capacity` is a room size the server can hold: a whole number, two or more. */
export function checkCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 2) {
    throw new RangeError(`Room capacity must be a whole number of at least 2, got ${capacity}`);
  }
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Map<string, Participant>>();
  private readonly participants = new Map<string, Participant>();
  /** Locked rooms admit nobody new; a room's lock goes when its last participant does. */
  private readonly locked = new Set<string>();

  constructor(readonly capacity: number) {
    checkCapacity(capacity);
  }

  /** Adds the participant; on success returns the peers who were already there. The host passes a lock. */
  join(participant: Participant, options: { passLock?: boolean } = {}): JoinOutcome {
    if (this.participants.has(participant.id)) return { ok: false, reason: 'ALREADY_IN_ROOM' };
    if (this.locked.has(participant.room) && !options.passLock) return { ok: false, reason: 'ROOM_LOCKED' };
    const members = this.rooms.get(participant.room) ?? new Map<string, Participant>();
    if (members.size >= this.capacity) return { ok: false, reason: 'ROOM_FULL' };
    const peers = [...members.values()].map(peerInfo);
    members.set(participant.id, participant);
    this.rooms.set(participant.room, members);
    this.participants.set(participant.id, participant);
    return { ok: true, peers };
  }

  /** Removes the participant; returns who they were, or undefined if they were in no room. */
  leave(id: string): Participant | undefined {
    const participant = this.participants.get(id);
    if (!participant) return undefined;
    this.participants.delete(id);
    const members = this.rooms.get(participant.room);
    members?.delete(id);
    if (members && members.size === 0) {
      this.rooms.delete(participant.room);
      this.locked.delete(participant.room);
    }
    return participant;
  }

  setLocked(room: string, locked: boolean): void {
    if (locked && this.rooms.has(room)) this.locked.add(room);
    else this.locked.delete(room);
  }

  isLocked(room: string): boolean {
    return this.locked.has(room);
  }

  /** Everyone in the participant's room but them. */
  othersInRoom(id: string): PeerInfo[] {
    const participant = this.participants.get(id);
    if (!participant) return [];
    const members = this.rooms.get(participant.room);
    return [...(members?.values() ?? [])].filter((p) => p.id !== id).map(peerInfo);
  }

  find(id: string): Participant | undefined {
    return this.participants.get(id);
  }

  /** True only when both are present and in one room: the rule every relayed signal must pass. */
  inSameRoom(a: string, b: string): boolean {
    const first = this.participants.get(a);
    const second = this.participants.get(b);
    return first !== undefined && second !== undefined && first.room === second.room;
  }

  memberCount(room: string): number {
    return this.rooms.get(room)?.size ?? 0;
  }

  get roomCount(): number {
    return this.rooms.size;
  }
}
