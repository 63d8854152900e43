/**
 * Rooms advertised on the local network over mDNS/DNS-SD (service type `_parley._tcp`), and the
 * strict reading of what a host advertises: anything on the LAN can answer mDNS, so every field is
 * validated before a room is listed.
 */
import { normalizeFingerprint } from './fingerprint';
import { isHostName } from './invite';
import { PROTOCOL_VERSION } from './protocol';
import { roomNameSchema } from './protocol.fields';

export const SERVICE_TYPE = 'parley';

/** The TXT record a host publishes: short keys, strings only (DNS-SD convention). */
export interface RoomTxt {
  /** Protocol version. */
  v: string;
  room: string;
  /** '1' when joining needs a passcode. */
  pc: '0' | '1';
  /** Certificate fingerprint (64 hex), empty without TLS. */
  fp: string;
}

export interface NearbyRoom {
  /** Stable while the advertisement lasts (the DNS-SD instance name). */
  id: string;
  room: string;
  /** Address to connect to, as advertised (IPv4 preferred). */
  host: string;
  port: number;
  passcodeRequired: boolean;
  fingerprint: string | null;
  /** The advertising machine's name, to tell two rooms of the same name apart. */
  hostName: string;
}

export function roomTxt(room: string, passcodeRequired: boolean, fingerprint: string | null): RoomTxt {
  return { v: String(PROTOCOL_VERSION), room, pc: passcodeRequired ? '1' : '0', fp: fingerprint ?? '' };
}

/** What a DNS-SD browser reports about one service, reduced to the parts we read. */
export interface AdvertisedService {
  fqdn?: unknown;
  host?: unknown;
  port?: unknown;
  addresses?: unknown;
  referer?: { address?: unknown } | undefined;
  txt?: unknown;
}

const MAX_NAME = 255;

/** A listed room, or undefined when the advertisement is malformed, foreign or of another version. */
export function readNearbyRoom(service: AdvertisedService): NearbyRoom | undefined {
  const txt = service.txt as Record<string, unknown> | undefined;
  if (!txt || typeof txt !== 'object') return undefined;
  if (txt['v'] !== String(PROTOCOL_VERSION)) return undefined;
  const room = roomNameSchema.safeParse(txt['room']);
  if (!room.success) return undefined;
  const pc = txt['pc'];
  if (pc !== '0' && pc !== '1') return undefined;
  const fp = typeof txt['fp'] === 'string' ? txt['fp'] : '';
  const fingerprint = fp === '' ? null : normalizeFingerprint(fp);
  if (fingerprint === undefined) return undefined;

  const port = service.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  const host = pickAddress(service);
  if (!host) return undefined;
  const id = typeof service.fqdn === 'string' && service.fqdn.length <= MAX_NAME ? service.fqdn : undefined;
  if (!id) return undefined;
  const hostName = typeof service.host === 'string' && service.host.length <= MAX_NAME ? service.host.replace(/\.local\.?$/, '') : host;
  return { id, room: room.data, host, port, passcodeRequired: pc === '1', fingerprint, hostName };
}

/** The address the answer came from if it is one of the advertised ones, else the first IPv4. */
function pickAddress(service: AdvertisedService): string | undefined {
  const advertised = Array.isArray(service.addresses) ? service.addresses.filter((a): a is string => typeof a === 'string' && isHostName(a)) : [];
  const from = service.referer?.address;
  if (typeof from === 'string' && advertised.includes(from)) return from;
  return advertised.find((address) => !address.includes(':')) ?? advertised[0];
}
