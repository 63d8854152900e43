import { useEffect, useState } from 'react';
import { shortCode } from '../../../../shared/fingerprint';
import type { NearbyRoom } from '../../../../shared/nearbyRooms';
import { platform } from '../../platform';
import { useParley } from '../../store';

/** Rooms announced on the local network, live, each joinable with one click (desktop app only). */
export function NearbyRooms({ disabled }: { disabled: boolean }) {
  const rooms = useNearbyRooms();
  const joinNearby = useParley((s) => s.joinNearby);
  if (!platform().discovery) return null;

  return (
    <section className="nearby" aria-label="Rooms nearby">
      <h2 className="nearby__title">Rooms on this network</h2>
      {rooms.length === 0 ? (
        <p className="home__hint">Looking for rooms… (a host on this network appears here by itself)</p>
      ) : (
        <ul className="nearby__list">
          {rooms.map((room) => (
            <li key={room.id} className="nearby__room">
              <span>
                <strong>{room.room}</strong> on {room.hostName}
                {room.passcodeRequired && <span className="nearby__flag"> · needs a passcode</span>}
                {room.fingerprint && <span className="home__hint"> · code {shortCode(room.fingerprint)}</span>}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={disabled}
                aria-label={`Join ${room.room} on ${room.hostName}`}
                onClick={() => void joinNearby(room)}
              >
                Join
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function useNearbyRooms(): NearbyRoom[] {
  const [rooms, setRooms] = useState<NearbyRoom[]>([]);
  useEffect(() => {
    const discovery = platform().discovery;
    if (!discovery) return;
    let current = true;
    const refresh = async (): Promise<void> => {
      const listed = await discovery.list();
      if (current && listed.ok) setRooms(listed.data);
    };
    void refresh();
    const unsubscribe = discovery.onChanged(() => void refresh());
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);
  return rooms;
}
