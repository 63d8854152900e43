import { describe, expect, it } from 'vitest';
import { formatHostPort, hostOfHostPort, parseHostAddress } from './hostAddress';

describe('parseHostAddress', () => {
  it.each([
    ['192.168.1.20', 'http://192.168.1.20:47100'],
    ['  192.168.1.20:5000 ', 'http://192.168.1.20:5000'],
    ['host.local', 'http://host.local:47100'],
    ['[fd00::20]:47100', 'http://[fd00::20]:47100'],
    ['https://10.0.0.7:47100/some/path?x=1', 'https://10.0.0.7:47100'],
    ['http://10.0.0.7', 'http://10.0.0.7'],
  ])('reads %j as %s', (input, url) => {
    expect(parseHostAddress(input)).toEqual({ ok: true, url });
  });

  it('uses https by default when asked', () => {
    expect(parseHostAddress('10.0.0.7', 'https')).toEqual({ ok: true, url: 'https://10.0.0.7:47100' });
  });

  it.each([
    ['', /Enter the host address/],
    ['javascript://alert(1)', /Only http and https/],
    ['file:///etc/passwd', /Only http and https/],
    ['http://user:pw@10.0.0.7', /user name or password/],
    ['10.0.0.7:99999', /not an address/],
    ['a'.repeat(300), /too long/],
  ])('refuses %j', (input, message) => {
    const result = parseHostAddress(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('formatHostPort and hostOfHostPort', () => {
  it('give the address to type, with brackets for IPv6, and the host back from it', () => {
    expect(formatHostPort('fd00::20', 47100)).toBe('[fd00::20]:47100');
    expect(formatHostPort('10.0.0.2', 47100)).toBe('10.0.0.2:47100');
    for (const host of ['fd00::20', '10.0.0.2', 'studio.local']) expect(hostOfHostPort(formatHostPort(host, 47100))).toBe(host);
  });
});
