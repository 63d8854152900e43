/**
 * Everyone in the call: names, who hosts, who is muted or has the camera off, and who is still
 * connecting; the host can remove someone from here too.
 */
import { Button } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { Crown, Hand, MicOff, UserX, VideoOff } from '../../ui/icons';

const CONNECTION: Partial<Record<RTCPeerConnectionState, MessageKey>> = {
  new: 'call.connection.connecting',
  connecting: 'call.connection.connecting',
  disconnected: 'call.connection.reconnecting',
  failed: 'call.connection.failed',
};

interface Person {
  id: string;
  name: string;
  isSelf: boolean;
  isHost: boolean;
  muted: boolean;
  cameraOff: boolean;
  status: MessageKey | undefined;
}

export function PeoplePanel() {
  const t = useText();
  const s = useParley(
    useShallow((state) => ({
      displayName: state.displayName,
      isHost: state.isHost,
      muted: state.muted,
      cameraOff: state.cameraOff,
      peers: state.peers,
      removePeer: state.removePeer,
      hands: state.hands,
      lowerHandOf: state.lowerHandOf,
    })),
  );
  const people: Person[] = [
    { id: 'self', name: s.displayName ? t('call.tile.self', { name: s.displayName }) : t('call.tile.you'), isSelf: true, isHost: s.isHost, muted: s.muted, cameraOff: s.cameraOff, status: undefined },
    ...Object.values(s.peers).map((peer) => ({
      id: peer.id,
      name: peer.name,
      isSelf: false,
      isHost: peer.isHost,
      muted: peer.mediaState?.audioMuted ?? false,
      cameraOff: peer.mediaState?.videoOff ?? false,
      status: CONNECTION[peer.connection],
    })),
  ];
  return (
    <ul className="people" aria-label={t('call.people.list', { count: people.length })}>
      {people.map((person) => (
        <li key={person.id} className="people__person">
          <span className="people__name">{person.name}</span>
          <span className="people__marks">
            {person.isHost && (
              <span className="people__mark" title={t('call.people.host')}>
                <Crown aria-hidden="true" focusable="false" className="people__icon" />
                <span className="visually-hidden">{t('call.people.host')}</span>
              </span>
            )}
            {person.muted && (
              <span className="people__mark people__mark--off" title={t('call.tile.microphoneMuted')}>
                <MicOff aria-hidden="true" focusable="false" className="people__icon" />
                <span className="visually-hidden">{t('call.tile.microphoneMuted')}</span>
              </span>
            )}
            {person.cameraOff && (
              <span className="people__mark people__mark--off" title={t('call.people.cameraOff')}>
                <VideoOff aria-hidden="true" focusable="false" className="people__icon" />
                <span className="visually-hidden">{t('call.people.cameraOff')}</span>
              </span>
            )}
            {s.hands.includes(person.id) && (
              <span className="people__mark people__mark--hand" title={t('call.tile.handRaised', { position: s.hands.indexOf(person.id) + 1 })}>
                <Hand aria-hidden="true" focusable="false" className="people__icon" />
                <span aria-hidden="true">{s.hands.indexOf(person.id) + 1}</span>
                <span className="visually-hidden">{t('call.tile.handRaised', { position: s.hands.indexOf(person.id) + 1 })}</span>
              </span>
            )}
            {person.status && <span className="people__status">{t(person.status)}</span>}
          </span>
          {s.isHost && !person.isSelf && s.hands.includes(person.id) && (
            <Button className="control control--default control--small" aria-label={t('call.people.lowerHand', { name: person.name })} onPress={() => s.lowerHandOf(person.id)}>
              <Hand aria-hidden="true" focusable="false" className="control__icon control__icon--small" />
            </Button>
          )}
          {s.isHost && !person.isSelf && (
            <Button className="control control--default control--small" aria-label={t('call.tile.removeName', { name: person.name })} onPress={() => void s.removePeer(person.id)}>
              <UserX aria-hidden="true" focusable="false" className="control__icon control__icon--small" />
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
