/** The RTCConfiguration for a call's ICE settings (shared/iceServers.ts): the same for every connection. */
import { includesRelay, NO_ICE, type IceConfig } from '../../../shared/iceServers';

export function rtcConfiguration(ice: IceConfig = NO_ICE): RTCConfiguration {
  return { iceServers: ice.servers, iceTransportPolicy: ice.relayOnly ? 'relay' : 'all' };
}

/** What identifies the ICE settings a connection was made with. */
export function iceKey(ice: IceConfig = NO_ICE): string {
  return JSON.stringify(ice);
}

/** Whether a TURN server is set, which decides what a missing path is blamed on (pathWatch.ts). */
export function hasRelay(ice: IceConfig = NO_ICE): boolean {
  return includesRelay(ice.servers);
}
