import { useEffect, useState } from 'react';
import { shortCode } from '../../../../shared/fingerprint';
import type { NearbyRoom } from '../../../../shared/nearbyRooms';
import { useRichText, useText } from '../../i18n/useText';
import { platform } from '../../platform';
import { useParley } from '../../store';

/** Rooms announced on the local network, live, each joinable with one click (desktop app only). */
export function NearbyRooms({ disabled }: { disabled: boolean }) {
  const rooms = useNearbyRooms();
  const joinNearby = useParley((s) => s.joinNearby);
  const t = useText();
  const rich = useRichText();
  if (!platform().discovery) return null;

  return (
    <section className="nearby" aria-label={t('home.nearby.label')}>
      <h2 className="nearby__title">{t('home.nearby.title')}</h2>
      {rooms.length === 0 ? (
        <p className="home__hint">{t('home.nearby.looking')}</p>
      ) : (
        <ul className="nearby__list">
          {rooms.map((room) => (
            <li key={room.id} className="nearby__room">
              <span>
                {rich('home.nearby.room', { room: room.room, host: room.hostName, b: (chunks) => <strong>{chunks}</strong> })}
                {room.passcodeRequired && <span className="nearby__flag"> {t('home.nearby.needsPasscode')}</span>}
                {room.fingerprint && <span className="home__hint"> {t('home.nearby.code', { code: shortCode(room.fingerprint) })}</span>}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={disabled}
                aria-label={t('home.nearby.joinRoom', { room: room.room, host: room.hostName })}
                onClick={() => void joinNearby(room)}
              >
                {t('home.join')}
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
