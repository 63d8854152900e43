/**
 * Invite links: everything a joiner needs in one line the host can copy, show as a QR code, or
 * that the operating system hands to the app (the `parley:` scheme it registers).
 *
 *   parley://join?host=192.168.1.20&port=47100&room=team&fp=<64 hex>&passcode=…
 *
 * `fp` is the SHA-256 of the host's certificate: the app refuses a host presenting another one.
 * Parsing is strict because links arrive from anywhere: one scheme, known parts, bounded length.
 */
import { normalizeFingerprint } from './fingerprint';
import { readPasscode, readRoomName } from './fieldRules';

export const INVITE_SCHEME = 'parley';
/** Far above any real invite (an IPv6 host, a long room name and passcode), far below abuse. */
export const MAX_INVITE_LENGTH = 1024;

export interface Invite {
  host: string;
  port: number;
  room: string;
  fingerprint?: string;
  passcode?: string;
}

export type InviteResult = { ok: true; invite: Invite } | { ok: false; message: string };

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-f:.]{2,45}$/i;
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

export function isHostName(host: string): boolean {
  return IPV4.test(host) || (host.includes(':') && IPV6.test(host)) || DNS_NAME.test(host);
}

export function formatInvite({ host, port, room, fingerprint, passcode }: Invite): string {
  const params = new URLSearchParams({ host, port: String(port), room });
  if (fingerprint) params.set('fp', fingerprint);
  if (passcode) params.set('passcode', passcode);
  return `${INVITE_SCHEME}://join?${params.toString()}`;
}

export function parseInvite(text: string): InviteResult {
  if (text.length > MAX_INVITE_LENGTH) return { ok: false, message: 'That invite link is too long' };
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, message: 'That is not an invite link' };
  }
  if (url.protocol !== `${INVITE_SCHEME}:`) return { ok: false, message: 'An invite link starts with parley://' };
  if (url.host !== 'join' || (url.pathname !== '' && url.pathname !== '/') || url.username || url.password) {
    return { ok: false, message: 'That is not a Parley invite link' };
  }
  const params = url.searchParams;
  const single = (name: string): string | undefined | null => {
    const values = params.getAll(name);
    return values.length > 1 ? null : values[0];
  };
  const host = single('host');
  const port = single('port');
  const room = single('room');
  const fp = single('fp');
  const passcode = single('passcode');
  if (host === null || port === null || room === null || fp === null || passcode === null) {
    return { ok: false, message: 'The invite link repeats a part' };
  }
  if (!host || !isHostName(host)) return { ok: false, message: 'The invite link has no valid host address' };
  const portNumber = Number(port);
  if (!port || !/^\d{1,5}$/.test(port) || portNumber < 1 || portNumber > 65535) {
    return { ok: false, message: 'The invite link has no valid port' };
  }
  const roomName = readRoomName(room ?? '');
  if (roomName === undefined) return { ok: false, message: 'The invite link has no valid room name' };
  const fingerprint = fp === undefined ? undefined : normalizeFingerprint(fp);
  if (fp !== undefined && !fingerprint) return { ok: false, message: 'The invite link’s security code is damaged' };
  const code = passcode === undefined ? undefined : readPasscode(passcode);
  if (passcode !== undefined && code === undefined) return { ok: false, message: 'The invite link’s passcode is not valid' };
  return {
    ok: true,
    invite: {
      host,
      port: portNumber,
      room: roomName,
      ...(fingerprint ? { fingerprint } : {}),
      ...(code !== undefined ? { passcode: code } : {}),
    },
  };
}
