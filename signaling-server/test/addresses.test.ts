import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { formatHostPort, listHostAddresses } from '../src/addresses';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

describe('listHostAddresses', () => {
  it('puts LAN IPv4 first, then IPv6, then link-local and loopback', () => {
    const result = listHostAddresses({
      lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
      eth0: [iface('fe80::1', 'IPv6'), iface('192.168.1.20', 'IPv4'), iface('fd00::20', 'IPv6')],
      wlan0: [iface('169.254.3.4', 'IPv4'), iface('10.0.0.7', 'IPv4')],
    });
    expect(result).toEqual(['192.168.1.20', '10.0.0.7', 'fd00::20', 'fe80::1', '169.254.3.4', '127.0.0.1', '::1']);
  });

  it('brackets IPv6 literals when adding a port', () => {
    expect(formatHostPort('fd00::20', 47100)).toBe('[fd00::20]:47100');
    expect(formatHostPort('10.0.0.7', 47100)).toBe('10.0.0.7:47100');
  });
});
