/**
 * Participants reach Janus only through the host's own port: a WebSocket at SFU_PATH, opened with
 * the access token the host gave them at join (`?access=`). So the pinned certificate and the
 * security code cover the media server too, Janus itself listens on loopback only, and every
 * message is checked on the way (requestFilter.ts). When the host ends a participant's access
 * (leave, removal), its connection goes, and with it its Janus session.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { SFU_PATH } from '../../../src/shared/protocol';
import type { AbuseGuard } from '../abuse';
import { JANUS_PROTOCOL } from '../../../src/shared/janus';
import type { JanusRooms } from './janusRooms';
import { filterClientRequest, MAX_JANUS_MESSAGE_BYTES, type FilterState } from './requestFilter';

export interface JanusProxyOptions {
  janusUrl: string;
  apiSecret: string;
  rooms: JanusRooms;
  guard: AbuseGuard;
}

export interface JanusProxy {
  close(): void;
}

export function attachJanusProxy(httpServer: HttpServer, { janusUrl, apiSecret, rooms, guard }: JanusProxyOptions): JanusProxy {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_JANUS_MESSAGE_BYTES, handleProtocols: (offered) => (offered.has(JANUS_PROTOCOL) ? JANUS_PROTOCOL : false) });
  const connectionsByToken = new Map<string, Set<WebSocket>>();

  rooms.onRevoked = (token) => {
    for (const socket of connectionsByToken.get(token) ?? []) socket.close(4003, 'access ended');
    connectionsByToken.delete(token);
  };

  const refuse = (socket: Duplex, status: string): void => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'https://parley.invalid');
    if (url.pathname !== SFU_PATH) return; // Socket.IO's, or nobody's
    guard.allowRequest(request, (error) => {
      if (error) return refuse(socket, '403 Forbidden');
      const admission = rooms.admission(url.searchParams.get('access') ?? '');
      if (!admission) return refuse(socket, '403 Forbidden');
      server.handleUpgrade(request, socket, head, (client) => relay(client, admission.token));
    });
  };

  const relay = (client: WebSocket, token: string): void => {
    const admission = rooms.admission(token);
    if (!admission) return client.close(4003, 'access ended');
    // One connection per participant: a page back after an outage replaces the one it lost,
    // whose Janus session (and publisher, which would otherwise linger as a twin until Janus
    // times it out) goes with it.
    const mine = connectionsByToken.get(token) ?? new Set();
    for (const earlier of mine) earlier.close(4001, 'replaced by a newer connection');
    mine.add(client);
    connectionsByToken.set(token, mine);
    const upstream = new WebSocket(janusUrl, JANUS_PROTOCOL);
    const queued: string[] = [];
    const state: FilterState = { sessions: 0, handles: 0 };

    client.on('message', (data) => {
      const filtered = filterClientRequest(String(data), admission, state, apiSecret);
      if ('refuse' in filtered) {
        client.send(JSON.stringify({ janus: 'error', transaction: filtered.transaction, error: { code: 403, reason: filtered.refuse } }));
        return;
      }
      const text = JSON.stringify(filtered.forward);
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else queued.push(text);
    });
    upstream.on('open', () => {
      for (const text of queued.splice(0)) upstream.send(text);
    });
    upstream.on('message', (data) => {
      if (client.readyState === WebSocket.OPEN) client.send(String(data));
    });
    // Either side gone: the other goes too. Janus ends the sessions of a closed connection.
    const end = (): void => {
      mine.delete(client);
      if (client.readyState === WebSocket.OPEN || client.readyState === WebSocket.CONNECTING) client.close(1011, 'media server connection closed');
      if (upstream.readyState === WebSocket.OPEN || upstream.readyState === WebSocket.CONNECTING) upstream.terminate();
    };
    client.on('close', end);
    client.on('error', end);
    upstream.on('close', end);
    upstream.on('error', (error) => {
      console.error(`parley host: Janus at ${janusUrl}: ${error.message}`);
      end();
    });
  };

  httpServer.on('upgrade', onUpgrade);
  return {
    close: () => {
      httpServer.off('upgrade', onUpgrade);
      for (const sockets of connectionsByToken.values()) for (const socket of sockets) socket.terminate();
      connectionsByToken.clear();
      server.close();
    },
  };
}
