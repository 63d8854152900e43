/**
 * STUN/TURN servers for calls beyond the local network. None by default, so a LAN call sends
 * nothing to third parties; the user types them (one URL per line) and they are checked here.
 */
export const MAX_ICE_SERVERS = 5;

const ICE_URL = /^(stun|stuns|turn|turns):(\[[0-9a-f:.]+\]|[a-z0-9.-]{1,253})(:\d{1,5})?(\?transport=(udp|tcp))?$/i;

export interface IceServerConfig {
  urls: string;
  username?: string;
  credential?: string;
}

/**
 * What the peer connections of a call are made with: the servers, and whether only relayed
 * candidates may be used ("relay only": the others, and everyone on the path, learn only the TURN
 * server's address, never ours).
 */
export interface IceConfig {
  servers: IceServerConfig[];
  relayOnly: boolean;
}

export const NO_ICE: IceConfig = { servers: [], relayOnly: false };

/** Whether any of these servers is a TURN server: what relay only needs, and what a missing path is blamed on. */
export function includesRelay(servers: readonly IceServerConfig[]): boolean {
  return servers.some(({ urls }) => /^turns?:/i.test(urls));
}

export type IceServersResult = ({ ok: true } & IceConfig) | { ok: false; message: string };

/** A TURN user name or password longer than this is a paste gone wrong, not a credential. */
const MAX_CREDENTIAL_LENGTH = 256;

/** Reads the settings as typed: URLs one per line, one user name and password for the TURN ones. */
export function parseIceServers(text: string, username = '', credential = '', relayOnly = false): IceServersResult {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length > MAX_ICE_SERVERS) return { ok: false, message: `At most ${MAX_ICE_SERVERS} STUN/TURN servers` };
  if (username.length > MAX_CREDENTIAL_LENGTH || credential.length > MAX_CREDENTIAL_LENGTH) {
    return { ok: false, message: 'The TURN user name or password is too long' };
  }
  const servers: IceServerConfig[] = [];
  for (const line of lines) {
    const match = ICE_URL.exec(line);
    if (!match) return { ok: false, message: `“${line.slice(0, 80)}” is not a STUN or TURN address (like stun:stun.example.org:3478)` };
    const port = match[3] ? Number(match[3].slice(1)) : undefined;
    if (port !== undefined && (port < 1 || port > 65535)) return { ok: false, message: `“${line}” has an impossible port` };
    const isTurn = match[1]!.toLowerCase().startsWith('turn');
    if (isTurn && (!username || !credential)) return { ok: false, message: 'A TURN server needs a user name and a password' };
    servers.push(isTurn ? { urls: line, username, credential } : { urls: line });
  }
  if (relayOnly && !includesRelay(servers)) {
    return { ok: false, message: 'Relay only needs a TURN server (a turn: or turns: address)' };
  }
  return { ok: true, servers, relayOnly };
}
