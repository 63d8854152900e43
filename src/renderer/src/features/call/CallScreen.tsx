import { useShallow } from 'zustand/react/shallow';
import { useParley } from '../../store';
import { HostPanel } from './HostPanel';
import { VideoTile } from './VideoTile';

const CONNECTION_TEXT: Partial<Record<RTCPeerConnectionState, string>> = {
  new: 'Connecting…',
  connecting: 'Connecting…',
  disconnected: 'Reconnecting…',
  failed: 'Connection failed',
};

export function CallScreen() {
  const peers = useParley(useShallow((state) => Object.values(state.peers)));
  const { room, displayName, localStream, leave, hosting } = useParley(
    useShallow((state) => ({
      room: state.joinedRoom,
      displayName: state.displayName,
      localStream: state.localStream,
      leave: state.leave,
      hosting: state.hosting,
    })),
  );
  const count = peers.length + 1;

  return (
    <main className="call">
      <header className="call__bar">
        <h1 className="call__title">
          {room} <span className="call__count">· {count} {count === 1 ? 'person' : 'people'}</span>
        </h1>
        <button type="button" className="button button--danger" onClick={() => void leave()}>
          Leave
        </button>
      </header>
      {hosting && room && <HostPanel hosting={hosting} room={room} />}
      <section className="grid" aria-label="Participants" data-count={count}>
        <VideoTile stream={localStream} name={displayName} isSelf />
        {peers.map((peer) => (
          <VideoTile
            key={peer.id}
            peerId={peer.id}
            stream={peer.stream}
            name={peer.name}
            status={CONNECTION_TEXT[peer.connection] ?? null}
          />
        ))}
      </section>
      {peers.length === 0 && <p className="call__alone">Waiting for others to join…</p>}
    </main>
  );
}
