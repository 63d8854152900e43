import { useShallow } from 'zustand/react/shallow';
import { parseIceServers } from '../../../../shared/iceServers';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { Field } from '../ui/Field';

/** An example of what to type: an address, not words, so the same in every language. */
const EXAMPLE_SERVER = 'stun:stun.example.org:3478';

/**
 * STUN/TURN servers, for calls beyond the local network (folded away on the home screen, a chunk
 * of its own: homeParts.ts). Empty by default: a LAN call then sends nothing to anyone outside it.
 * Checked as typed; a mistake is shown here, not at join time only.
 */
export function NetworkSettings() {
  const s = useParley(
    useShallow((state) => ({
      text: state.iceServersText,
      username: state.turnUsername,
      credential: state.turnCredential,
      relayOnly: state.relayOnly,
      setIceServers: state.setIceServers,
    })),
  );
  const checked = parseIceServers(s.text, s.username, s.credential, s.relayOnly);
  const t = useText();

  return (
    <>
      <p className="home__hint">{t('home.network.hint')}</p>
      <Field label={t('home.network.servers')}>
        {(id) => (
          <textarea
            id={id}
            rows={3}
            spellCheck={false}
            placeholder={EXAMPLE_SERVER}
            value={s.text}
            onChange={(e) => s.setIceServers({ iceServersText: e.target.value })}
            aria-invalid={!checked.ok}
          />
        )}
      </Field>
      <Field label={t('home.network.turnUsername')}>
        {(id) => <input id={id} autoComplete="off" value={s.username} maxLength={256} onChange={(e) => s.setIceServers({ turnUsername: e.target.value })} />}
      </Field>
      <Field label={t('home.network.turnPassword')}>
        {(id) => (
          <input id={id} type="password" autoComplete="off" value={s.credential} maxLength={256} onChange={(e) => s.setIceServers({ turnCredential: e.target.value })} />
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={s.relayOnly} onChange={(e) => s.setIceServers({ relayOnly: e.target.checked })} />
        {t('home.network.relayOnly')}
      </label>
      {!checked.ok && (
        <p className="error" role="alert">
          {t('errors.iceServers', { detail: checked.message })}
        </p>
      )}
    </>
  );
}
