/** The identity check against real HTTP servers on loopback: each wrong answer has its own error. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../shared/protocol';
import { checkServer } from './serverCheck';

const servers: Server[] = [];

async function serve(status: number, body: string, contentType = 'application/json'): Promise<string> {
  const server = createServer((_req, res) => {
    if (status === 0) return; // never answers
    res.writeHead(status, { 'Content-Type': contentType });
    res.end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closeAll(): Promise<void> {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

afterEach(closeAll);

const identity = (fields: object) => JSON.stringify({ app: 'parley', protocolVersion: PROTOCOL_VERSION, passcodeRequired: false, ...fields });

describe('checkServer', () => {
  it('accepts a Parley host of this protocol version', async () => {
    expect(await checkServer(await serve(200, identity({})), false)).toEqual({ app: 'parley', protocolVersion: PROTOCOL_VERSION, passcodeRequired: false });
  });

  it.each([
    ['another protocol version', 200, identity({ protocolVersion: PROTOCOL_VERSION + 1 }), 'VERSION_MISMATCH'],
    ['a web page', 200, '<h1>Printer</h1>', 'NOT_PARLEY'],
    ['not found', 404, 'Not found', 'NOT_PARLEY'],
    ['another app', 200, JSON.stringify({ app: 'other', protocolVersion: PROTOCOL_VERSION }), 'NOT_PARLEY'],
  ])('says what is wrong with %s', async (_what, status, body, code) => {
    await expect(checkServer(await serve(status, body), false)).rejects.toMatchObject({ code });
  });

  it('asks for the passcode before connecting when the host needs one', async () => {
    const url = await serve(200, identity({ passcodeRequired: true }));
    await expect(checkServer(url, false)).rejects.toMatchObject({ code: 'PASSCODE_REQUIRED' });
    expect((await checkServer(url, true)).passcodeRequired).toBe(true);
  });

  it('tells a silent host (timeout) from an absent one (unreachable)', async () => {
    await expect(checkServer(await serve(0, ''), false, 300)).rejects.toMatchObject({ code: 'TIMEOUT' });
    const url = await serve(200, identity({}));
    await closeAll();
    await expect(checkServer(url, false, 1000)).rejects.toMatchObject({ code: 'UNREACHABLE' });
  });
});
