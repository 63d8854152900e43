/**
 * Announces a room on the local network over mDNS/DNS-SD (bonjour-service), so joiners' apps list
 * it without anyone typing an address. Stopping sends the goodbye that removes it from their lists.
 */
import { hostname } from 'node:os';
import { Bonjour } from 'bonjour-service';
import { roomTxt, SERVICE_TYPE } from '../../src/shared/nearbyRooms';

export interface RoomAdvertisement {
  room: string;
  port: number;
  passcodeRequired: boolean;
  fingerprint: string | null;
}

export interface Advertiser {
  stop(): Promise<void>;
}

export type AdvertiseRoom = (advertisement: RoomAdvertisement) => Advertiser;

/** Instance names must be unique on the network: room, machine and port make them so. */
export function instanceName({ room, port }: Pick<RoomAdvertisement, 'room' | 'port'>, machine = hostname()): string {
  return `${room} on ${machine} ${port}`.slice(0, 63);
}

export const advertiseRoom: AdvertiseRoom = (advertisement) => {
  const bonjour = new Bonjour({}, (error: Error) => console.warn('Parley: mDNS advertisement failed', error));
  const service = bonjour.publish({
    name: instanceName(advertisement),
    type: SERVICE_TYPE,
    port: advertisement.port,
    txt: { ...roomTxt(advertisement.room, advertisement.passcodeRequired, advertisement.fingerprint) },
  });
  service.on('error', (error: Error) => console.warn('Parley: mDNS advertisement failed', error));
  let stopping: Promise<void> | undefined;
  return {
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        // The goodbye goes out before the socket closes; never wait on the network forever.
        const done = (): void => {
          clearTimeout(timer);
          bonjour.destroy();
          resolve();
        };
        const timer = setTimeout(done, 2000);
        service.stop?.(done);
      });
      return stopping;
    },
  };
};
