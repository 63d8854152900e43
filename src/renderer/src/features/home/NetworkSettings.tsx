import { useShallow } from 'zustand/react/shallow';
import { parseIceServers } from '../../../../shared/iceServers';
import { useParley } from '../../store';
import { Field } from '../ui/Field';

/**
 * STUN/TURN servers, for calls beyond the local network. Empty by default: a LAN call then sends
 * nothing to anyone outside it. Checked as typed; a mistake is shown here, not at join time only.
 */
export function NetworkSettings() {
  const s = useParley(
    useShallow((state) => ({
      text: state.iceServersText,
      username: state.turnUsername,
      credential: state.turnCredential,
      setIceServers: state.setIceServers,
    })),
  );
  const checked = parseIceServers(s.text, s.username, s.credential);

  return (
    <details className="network-settings">
      <summary>Calls beyond this network (STUN/TURN)</summary>
      <p className="home__hint">
        Leave empty on a local network. Servers listed here learn your addresses; a TURN server relays your media.
      </p>
      <Field label="STUN/TURN servers, one per line">
        {(id) => (
          <textarea
            id={id}
            rows={3}
            spellCheck={false}
            placeholder="stun:stun.example.org:3478"
            value={s.text}
            onChange={(e) => s.setIceServers({ iceServersText: e.target.value })}
            aria-invalid={!checked.ok}
          />
        )}
      </Field>
      <Field label="TURN user name">
        {(id) => <input id={id} autoComplete="off" value={s.username} maxLength={256} onChange={(e) => s.setIceServers({ turnUsername: e.target.value })} />}
      </Field>
      <Field label="TURN password">
        {(id) => (
          <input id={id} type="password" autoComplete="off" value={s.credential} maxLength={256} onChange={(e) => s.setIceServers({ turnCredential: e.target.value })} />
        )}
      </Field>
      {!checked.ok && (
        <p className="error" role="alert">
          {checked.message}
        </p>
      )}
    </details>
  );
}
