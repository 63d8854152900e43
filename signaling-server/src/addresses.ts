/**
 * The addresses other machines can use to reach this host, best first: IPv4 LAN addresses, then
 * IPv6 global/unique-local, then link-local and loopback (only useful on the same machine or link).
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

function rank(info: NetworkInterfaceInfo): number {
  const linkLocal = info.family === 'IPv4' ? info.address.startsWith('169.254.') : /^fe80:/i.test(info.address);
  if (info.internal) return 4;
  if (linkLocal) return 3;
  return info.family === 'IPv4' ? 0 : 1;
}

export function listHostAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const all = Object.values(interfaces).flatMap((list) => list ?? []);
  const unique = new Map<string, NetworkInterfaceInfo>();
  for (const info of all) if (!unique.has(info.address)) unique.set(info.address, info);
  return [...unique.values()]
    .sort((a, b) => rank(a) - rank(b))
    .map((info) => info.address);
}

export { formatHostPort } from '../../src/shared/hostAddress';
