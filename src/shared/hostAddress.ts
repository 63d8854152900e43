/**
 * Turns what a person types into the Host address field ("192.168.1.20", "host.local:47100",
 * "https://[fd00::20]:47100/") into the server URL, or says plainly what is wrong with it.
 */
import { DEFAULT_PORT } from './protocol';

export const MAX_ADDRESS_LENGTH = 256;

export type HostAddressResult = { ok: true; url: string } | { ok: false; message: string };

export function parseHostAddress(input: string, defaultScheme: 'http' | 'https' = 'http'): HostAddressResult {
  const text = input.trim();
  if (text.length === 0) return { ok: false, message: 'Enter the host address shown on the host’s screen' };
  if (text.length > MAX_ADDRESS_LENGTH) return { ok: false, message: 'That address is too long' };

  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `${defaultScheme}://${text}`);
  } catch {
    return { ok: false, message: `“${text}” is not an address (try something like 192.168.1.20:${DEFAULT_PORT})` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: 'Only http and https addresses can be used' };
  }
  if (url.username || url.password) return { ok: false, message: 'An address with a user name or password is not allowed' };
  if (!url.hostname) return { ok: false, message: 'The address has no host name' };

  const port = url.port || (hasScheme ? '' : String(DEFAULT_PORT));
  return { ok: true, url: `${url.protocol}//${url.hostname}${port ? `:${port}` : ''}` };
}

/** `host:port` as typed in an address bar: IPv6 literals need brackets. */
export function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The host of a `host:port` (the inverse of formatHostPort: no port, no brackets). */
export function hostOfHostPort(address: string): string {
  return address.replace(/^\[|\]?:\d+$/g, '');
}

/** A URL's hostname without the brackets an IPv6 literal has there. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}
