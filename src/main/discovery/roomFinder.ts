/**
 * Finds Parley rooms on the local network (mDNS/DNS-SD through bonjour-service) and keeps a live
 * list: rooms appear as hosts announce them and go when hosts say goodbye or stop answering.
 * Started on the first request, so the app sends no multicast until the join screen asks.
 */
import { Bonjour, type Browser } from 'bonjour-service';
import { readNearbyRoom, SERVICE_TYPE, type NearbyRoom } from '../../shared/nearbyRooms';

/** How often vanished hosts (no goodbye) are dropped and the question is asked again. */
const REFRESH_MS = 10_000;

export class RoomFinder {
  private bonjour: Bonjour | undefined;
  private browser: Browser | undefined;
  private refresh: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: () => void) {}

  list(): NearbyRoom[] {
    this.start();
    const rooms = (this.browser?.services ?? []).map(readNearbyRoom).filter((room): room is NearbyRoom => room !== undefined);
    return rooms.sort((a, b) => a.room.localeCompare(b.room) || a.hostName.localeCompare(b.hostName));
  }

  stop(): void {
    clearInterval(this.refresh);
    this.browser?.stop();
    this.bonjour?.destroy();
    this.browser = undefined;
    this.bonjour = undefined;
  }

  private start(): void {
    if (this.browser) return;
    this.bonjour = new Bonjour({}, (error: Error) => console.warn('Parley: mDNS discovery failed', error));
    const browser = this.bonjour.find({ type: SERVICE_TYPE });
    for (const event of ['up', 'down', 'txt-update', 'srv-update'] as const) browser.on(event, () => this.onChange());
    this.browser = browser;
    this.refresh = setInterval(() => {
      browser.expire();
      browser.update();
    }, REFRESH_MS);
    this.refresh.unref();
  }
}
