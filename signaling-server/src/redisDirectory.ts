/**
 * Rooms and sessions shared by several headless hosts through one Redis (`--redis URL`): a
 * participant may join on one host, be signalled from another, and resume on a third.
 *
 * Every change that reads and then writes (a join against capacity and lock, a resume, a detach,
 * holding a signal) is one Lua script, so Redis runs it whole: ten joins at once on different
 * hosts into a room with one seat left admit exactly one. Times come from Redis's own clock
 * (`TIME`), so hosts whose clocks disagree still agree on when a grace period ends.
 *
 * Each host refreshes a heartbeat key; a host whose key lapsed (killed, frozen, cut off) is
 * adopted by whichever live host notices first: its participants become detached, and after the
 * grace period they leave like anyone whose connection dropped.
 *
 * Keys (all under `parley:`): `peer:<id>` (a hash: room, name, isHost, token, connection, host),
 * `peer:<id>:held` (signals held while it is away, a list), `token:<token>`, `room:<room>:order`
 * (members by join order), `room:<room>:locked`, `detached` (ids by when they dropped),
 * `host:<id>:alive`, `host:<id>:peers`, `hosts`, `seq`. A standalone Redis (or a primary with
 * replicas), not Redis Cluster: the scripts reach keys named from their arguments.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PeerInfo, RelayedSignal } from '../../src/shared/protocol';
import { MAX_BACKLOG_SIGNALS } from '../../src/shared/signalBacklog';
import type { Directory, JoinOutcome, Participant, Resumed, SignalRoute } from './directory';
import { checkCapacity } from './rooms';

/** How often a host renews its heartbeat and looks for lapsed hosts and ended grace periods. */
export const SWEEP_INTERVAL_MS = 250;
/** A host whose heartbeat is this old is taken for gone. */
export const HEARTBEAT_TTL_MS = 3_000;

const NOW_MS = `local now = redis.call('TIME'); now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)`;

const SCRIPTS = {
  // ARGV: id, name, isHost, room, token, connection, capacity, passLock, host, heartbeat ttl
  join: `
    local peer = 'parley:peer:' .. ARGV[1]
    local order = 'parley:room:' .. ARGV[4] .. ':order'
    if redis.call('EXISTS', peer) == 1 then return {'ALREADY_IN_ROOM'} end
    if ARGV[8] ~= '1' and redis.call('EXISTS', 'parley:room:' .. ARGV[4] .. ':locked') == 1 then return {'ROOM_LOCKED'} end
    if redis.call('ZCARD', order) >= tonumber(ARGV[7]) then return {'ROOM_FULL'} end
    local result = {'OK'}
    for _, id in ipairs(redis.call('ZRANGE', order, 0, -1)) do
      local info = redis.call('HMGET', 'parley:peer:' .. id, 'name', 'isHost')
      result[#result + 1] = id
      result[#result + 1] = info[1]
      result[#result + 1] = info[2]
    end
    redis.call('ZADD', order, redis.call('INCR', 'parley:seq'), ARGV[1])
    redis.call('HSET', peer, 'room', ARGV[4], 'name', ARGV[2], 'isHost', ARGV[3], 'token', ARGV[5], 'connection', ARGV[6], 'host', ARGV[9])
    redis.call('SET', 'parley:token:' .. ARGV[5], ARGV[1])
    redis.call('SADD', 'parley:host:' .. ARGV[9] .. ':peers', ARGV[1])
    -- A host holding participants is known to the others, and alive, even before its first sweep.
    redis.call('SADD', 'parley:hosts', ARGV[9])
    redis.call('SET', 'parley:host:' .. ARGV[9] .. ':alive', '1', 'PX', ARGV[10])
    return result`,
  // ARGV: id, connection that must hold it ('' for any). Returns room, name, isHost, or nothing.
  leave: `
    local peer = 'parley:peer:' .. ARGV[1]
    local info = redis.call('HMGET', peer, 'room', 'name', 'isHost', 'token', 'host', 'connection')
    if not info[1] then return nil end
    if ARGV[2] ~= '' and info[6] ~= ARGV[2] then return nil end
    local order = 'parley:room:' .. info[1] .. ':order'
    redis.call('ZREM', order, ARGV[1])
    if redis.call('ZCARD', order) == 0 then redis.call('DEL', order, 'parley:room:' .. info[1] .. ':locked') end
    redis.call('DEL', peer, peer .. ':held', 'parley:token:' .. info[4])
    redis.call('ZREM', 'parley:detached', ARGV[1])
    if info[5] and info[5] ~= '' then redis.call('SREM', 'parley:host:' .. info[5] .. ':peers', ARGV[1]) end
    return {info[1], info[2], info[3]}`,
  // ARGV: token, room, connection, host, heartbeat ttl. Returns id, isHost, replaced connection, held signals...
  resume: `
    local id = redis.call('GET', 'parley:token:' .. ARGV[1])
    if not id then return nil end
    local peer = 'parley:peer:' .. id
    local info = redis.call('HMGET', peer, 'room', 'isHost', 'connection', 'host')
    if info[1] ~= ARGV[2] then return nil end
    if info[4] and info[4] ~= '' then redis.call('SREM', 'parley:host:' .. info[4] .. ':peers', id) end
    redis.call('HSET', peer, 'connection', ARGV[3], 'host', ARGV[4])
    redis.call('SADD', 'parley:host:' .. ARGV[4] .. ':peers', id)
    redis.call('SADD', 'parley:hosts', ARGV[4])
    redis.call('SET', 'parley:host:' .. ARGV[4] .. ':alive', '1', 'PX', ARGV[5])
    redis.call('ZREM', 'parley:detached', id)
    local result = {id, info[2], info[3] or ''}
    for _, signal in ipairs(redis.call('LRANGE', peer .. ':held', 0, -1)) do result[#result + 1] = signal end
    redis.call('DEL', peer .. ':held')
    return result`,
  // ARGV: id, connection. Only the connection that holds the participant may detach it.
  detach: `
    ${NOW_MS}
    local peer = 'parley:peer:' .. ARGV[1]
    local info = redis.call('HMGET', peer, 'connection', 'host')
    if info[1] ~= ARGV[2] then return 0 end
    redis.call('HSET', peer, 'connection', '', 'host', '')
    if info[2] and info[2] ~= '' then redis.call('SREM', 'parley:host:' .. info[2] .. ':peers', ARGV[1]) end
    redis.call('ZADD', 'parley:detached', now, ARGV[1])
    return 1`,
  // ARGV: to, signal (JSON), sender, isDescription, max. SignalBacklog's rule, in Redis.
  hold: `
    local peer = 'parley:peer:' .. ARGV[1]
    if redis.call('EXISTS', peer) == 0 then return 0 end
    local held = peer .. ':held'
    if ARGV[4] == '1' then
      local kept = {}
      for _, signal in ipairs(redis.call('LRANGE', held, 0, -1)) do
        if cjson.decode(signal).from ~= ARGV[3] then kept[#kept + 1] = signal end
      end
      redis.call('DEL', held)
      for _, signal in ipairs(kept) do redis.call('RPUSH', held, signal) end
    end
    redis.call('RPUSH', held, ARGV[2])
    redis.call('LTRIM', held, -tonumber(ARGV[5]), -1)
    return 1`,
  // ARGV: room, locked
  setLocked: `
    local key = 'parley:room:' .. ARGV[1] .. ':locked'
    if ARGV[2] == '1' and redis.call('ZCARD', 'parley:room:' .. ARGV[1] .. ':order') > 0 then redis.call('SET', key, '1') else redis.call('DEL', key) end
    return redis.call('EXISTS', key)`,
  // ARGV: this host, heartbeat ttl, grace, may adopt. Renews our heartbeat, adopts lapsed hosts'
  // participants as detached, and returns the ids whose grace ended (each removed from 'detached'
  // here, so exactly one host ends each).
  sweep: `
    ${NOW_MS}
    redis.call('SET', 'parley:host:' .. ARGV[1] .. ':alive', '1', 'PX', ARGV[2])
    redis.call('SADD', 'parley:hosts', ARGV[1])
    for _, host in ipairs(ARGV[4] == '1' and redis.call('SMEMBERS', 'parley:hosts') or {}) do
      if redis.call('EXISTS', 'parley:host:' .. host .. ':alive') == 0 then
        for _, id in ipairs(redis.call('SMEMBERS', 'parley:host:' .. host .. ':peers')) do
          if redis.call('HGET', 'parley:peer:' .. id, 'host') == host then
            redis.call('HSET', 'parley:peer:' .. id, 'connection', '', 'host', '')
            redis.call('ZADD', 'parley:detached', now, id)
          end
        end
        redis.call('DEL', 'parley:host:' .. host .. ':peers')
        redis.call('SREM', 'parley:hosts', host)
      end
    end
    local ended = redis.call('ZRANGEBYSCORE', 'parley:detached', '-inf', now - tonumber(ARGV[3]))
    for _, id in ipairs(ended) do redis.call('ZREM', 'parley:detached', id) end
    return ended`,
  // ARGV: from, to. 'unknown' unless both are in one room; else 'to''s connection, or 'away'.
  route: `
    local from = redis.call('HGET', 'parley:peer:' .. ARGV[1], 'room')
    local to = redis.call('HMGET', 'parley:peer:' .. ARGV[2], 'room', 'connection')
    if not from or from ~= to[1] then return {'unknown'} end
    if to[2] and to[2] ~= '' then return {'attached', to[2]} end
    return {'away'}`,
  // ARGV: id. The others in its room, in join order: id, name, isHost triples.
  others: `
    local room = redis.call('HGET', 'parley:peer:' .. ARGV[1], 'room')
    if not room then return {} end
    local result = {}
    for _, id in ipairs(redis.call('ZRANGE', 'parley:room:' .. room .. ':order', 0, -1)) do
      if id ~= ARGV[1] then
        local info = redis.call('HMGET', 'parley:peer:' .. id, 'name', 'isHost')
        result[#result + 1] = id
        result[#result + 1] = info[1]
        result[#result + 1] = info[2]
      end
    end
    return result`,
} as const;

type ScriptName = keyof typeof SCRIPTS;

/** id, name, isHost triples (as the scripts return them) to what others learn of each. */
function peersOf(flat: string[]): PeerInfo[] {
  const peers: PeerInfo[] = [];
  for (let index = 0; index + 1 < flat.length; index += 3) {
    const [id, name, isHost] = [flat[index]!, flat[index + 1]!, flat[index + 2]];
    peers.push(isHost === '1' ? { id, name, isHost: true } : { id, name });
  }
  return peers;
}

export interface RedisDirectoryOptions {
  capacity: number;
  graceMs: number;
  onExpired: (peerId: string) => void;
  /**
   * What every host sharing this Redis must agree on (capacity, and digests of the passcode and
   * host key): the first host records it, a host started with different settings refuses to start.
   */
  sharedSettings: Record<string, string>;
}

/** Thrown by `start` when another host sharing the Redis was started with other settings. */
export class SettingsMismatchError extends Error {}

export class RedisDirectory implements Directory {
  /** This process, as the other hosts know it in Redis. */
  readonly hostId = randomUUID();
  private sweeper: NodeJS.Timeout | undefined;
  private closed = false;
  /**
   * When our connection to Redis last became ready. After Redis was away (restarted, cut off),
   * every host's heartbeat may have lapsed; nobody adopts anybody until each host has had a
   * heartbeat's time to renew its own.
   */
  private readySince = Date.now();

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisDirectoryOptions,
  ) {
    checkCapacity(options.capacity);
    for (const [name, source] of Object.entries(SCRIPTS)) redis.defineCommand(`parley_${name}`, { numberOfKeys: 0, lua: source });
    redis.on('ready', () => (this.readySince = Date.now()));
  }

  /** The first heartbeat, before this host serves anyone: until then the others would take it for gone. */
  async start(): Promise<void> {
    const settings = JSON.stringify(this.options.sharedSettings);
    await this.redis.set('parley:settings', settings, 'NX');
    const recorded = await this.redis.get('parley:settings');
    if (recorded !== settings) {
      const theirs = JSON.parse(recorded ?? '{}') as Record<string, string>;
      const differing = Object.keys({ ...theirs, ...this.options.sharedSettings }).filter((key) => theirs[key] !== this.options.sharedSettings[key]);
      throw new SettingsMismatchError(
        `Another host sharing this Redis was started with a different ${differing.join(', ')}; start every host with the same (or clear the key parley:settings once all hosts are stopped)`,
      );
    }
    await this.sweepOnce(false);
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
  }

  private run<T>(name: ScriptName, ...args: (string | number)[]): Promise<T> {
    return (this.redis as unknown as Record<string, (...a: (string | number)[]) => Promise<T>>)[`parley_${name}`]!(...args);
  }

  /** Renews this host's heartbeat and ends the grace periods that are over (see the sweep script). */
  private async sweepOnce(mayAdopt: boolean): Promise<void> {
    const ended = await this.run<string[]>('sweep', this.hostId, HEARTBEAT_TTL_MS, this.options.graceMs, mayAdopt ? '1' : '');
    for (const peerId of ended) this.options.onExpired(peerId);
  }

  private async sweep(): Promise<void> {
    if (this.closed) return;
    try {
      await this.sweepOnce(Date.now() - this.readySince > HEARTBEAT_TTL_MS + SWEEP_INTERVAL_MS);
    } catch {
      // Redis is away: the next sweep tries again; ioredis reconnects on its own.
    }
  }

  async join(participant: Participant, connection: string, { passLock }: { passLock: boolean }) {
    const token = randomBytes(24).toString('base64url');
    const [status, ...rest] = await this.run<string[]>(
      'join',
      participant.id,
      participant.name,
      participant.isHost ? '1' : '',
      participant.room,
      token,
      connection,
      this.options.capacity,
      passLock ? '1' : '',
      this.hostId,
      HEARTBEAT_TTL_MS,
    );
    if (status !== 'OK') return { ok: false as const, reason: status as Extract<JoinOutcome, { ok: false }>['reason'] };
    return { ok: true as const, peers: peersOf(rest), token };
  }

  async leave(peerId: string, heldBy?: string): Promise<Participant | undefined> {
    const left = await this.run<[string, string, string] | null>('leave', peerId, heldBy ?? '');
    if (!left) return undefined;
    const [room, name, isHost] = left;
    return isHost === '1' ? { id: peerId, room, name, isHost: true } : { id: peerId, room, name };
  }

  async find(peerId: string): Promise<Participant | undefined> {
    const [room, name, isHost] = await this.redis.hmget(`parley:peer:${peerId}`, 'room', 'name', 'isHost');
    if (!room || typeof name !== 'string') return undefined;
    return isHost === '1' ? { id: peerId, room, name, isHost: true } : { id: peerId, room, name };
  }

  async othersInRoom(peerId: string) {
    return peersOf(await this.run<string[]>('others', peerId));
  }

  async inSameRoom(a: string, b: string) {
    const [first, second] = await Promise.all([this.redis.hget(`parley:peer:${a}`, 'room'), this.redis.hget(`parley:peer:${b}`, 'room')]);
    return first !== null && first === second;
  }

  async route(from: string, to: string): Promise<SignalRoute> {
    const [where, connection] = await this.run<string[]>('route', from, to);
    if (where === 'attached' && connection) return { to: 'attached', connection };
    return where === 'away' ? { to: 'away' } : { to: 'unknown' };
  }

  async setLocked(room: string, locked: boolean) {
    return (await this.run<number>('setLocked', room, locked ? '1' : '')) === 1;
  }

  async isLocked(room: string) {
    return (await this.redis.exists(`parley:room:${room}:locked`)) === 1;
  }

  async resume(token: string, room: string, connection: string): Promise<Resumed | undefined> {
    const result = await this.run<string[] | null>('resume', token, room, connection, this.hostId, HEARTBEAT_TTL_MS);
    if (!result) return undefined;
    const [peerId, isHost, replaced, ...held] = result;
    return {
      peerId: peerId!,
      isHost: isHost === '1',
      replaced: replaced && replaced !== connection ? replaced : undefined,
      held: held.map((signal) => JSON.parse(signal) as RelayedSignal),
    };
  }

  async detach(peerId: string, connection: string) {
    await this.run('detach', peerId, connection);
  }


  async isAttached(peerId: string) {
    const connection = await this.redis.hget(`parley:peer:${peerId}`, 'connection');
    return connection !== null && connection !== '';
  }

  async hold(to: string, signal: RelayedSignal) {
    await this.run('hold', to, JSON.stringify(signal), signal.from, signal.payload.kind === 'description' ? '1' : '', MAX_BACKLOG_SIGNALS);
  }

  async isHost(peerId: string) {
    return (await this.redis.hget(`parley:peer:${peerId}`, 'isHost')) === '1';
  }

  /**
   * This host stops: its heartbeat goes at once, so another host adopts its participants (who
   * reconnect there and resume) without waiting for the key to lapse.
   */
  async close() {
    this.closed = true;
    clearInterval(this.sweeper);
    await this.redis.del(`parley:host:${this.hostId}:alive`).catch(() => undefined);
  }
}
