import { describe, expect, it } from 'vitest';
import { RoomRegistry } from '../src/rooms';

describe('RoomRegistry', () => {
  it('enforces capacity per room and frees a slot on leave', () => {
    const rooms = new RoomRegistry(2);
    expect(rooms.join({ id: 'a', name: 'A', room: 'r' })).toEqual({ ok: true, peers: [] });
    expect(rooms.join({ id: 'b', name: 'B', room: 'r' })).toEqual({ ok: true, peers: [{ id: 'a', name: 'A' }] });
    expect(rooms.join({ id: 'c', name: 'C', room: 'r' })).toEqual({ ok: false, reason: 'ROOM_FULL' });
    expect(rooms.join({ id: 'c', name: 'C', room: 's' }).ok).toBe(true);
    expect(rooms.leave('a')?.room).toBe('r');
    expect(rooms.join({ id: 'd', name: 'D', room: 'r' }).ok).toBe(true);
  });

  it('knows who shares a room and forgets empty rooms', () => {
    const rooms = new RoomRegistry(8);
    rooms.join({ id: 'a', name: 'A', room: 'r' });
    rooms.join({ id: 'b', name: 'B', room: 'r' });
    rooms.join({ id: 'c', name: 'C', room: 's' });
    expect(rooms.inSameRoom('a', 'b')).toBe(true);
    expect(rooms.inSameRoom('a', 'c')).toBe(false);
    expect(rooms.inSameRoom('a', 'ghost')).toBe(false);
    rooms.leave('c');
    expect(rooms.roomCount).toBe(1);
    expect(rooms.leave('c')).toBeUndefined();
  });

  it('refuses a participant id that is already present, and silly capacities', () => {
    const rooms = new RoomRegistry(8);
    rooms.join({ id: 'a', name: 'A', room: 'r' });
    expect(rooms.join({ id: 'a', name: 'A', room: 's' })).toEqual({ ok: false, reason: 'ALREADY_IN_ROOM' });
    expect(() => new RoomRegistry(1)).toThrow(RangeError);
  });
});
