import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { shortCode } from '../../../../shared/fingerprint';
import type { HostingStatus } from '../../../../shared/ipc';
import { hostOfHostPort } from '../../../../shared/hostAddress';
import { formatInvite } from '../../../../shared/invite';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';

/**
 * While hosting: the addresses others can type, an invite link to copy (with this host's
 * certificate fingerprint and the passcode), its QR code, the security code joiners compare,
 * and the lock.
 */
export function HostPanel({ hosting, room }: { hosting: HostingStatus; room: string }) {
  const t = useText();
  const roomLocked = useParley((s) => s.roomLocked);
  const setRoomLocked = useParley((s) => s.setRoomLocked);
  const [first] = hosting.addresses;
  const invite =
    first && hosting.port
      ? formatInvite({
          host: hostOfHostPort(first),
          port: hosting.port,
          room,
          ...(hosting.fingerprint ? { fingerprint: hosting.fingerprint } : {}),
          ...(hosting.passcode ? { passcode: hosting.passcode } : {}),
        })
      : null;
  const qr = useQrCode(invite);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  const copy = async (): Promise<void> => {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="host-panel" aria-label={t('call.host.label')}>
      <div className="host-panel__text">
        <h2>{t('call.host.hosting', { room })}</h2>
        <ul aria-label={t('call.host.addresses')}>
          {hosting.addresses.map((address) => (
            <li key={address}>
              <code>{address}</code>
            </li>
          ))}
        </ul>
        {hosting.fingerprint && (
          <p>
            {t('call.host.securityCode')} <code data-testid="security-code">{shortCode(hosting.fingerprint)}</code>
            <span className="host-panel__hint"> {t('call.host.securityCodeHint')}</span>
          </p>
        )}
        {hosting.passcode && (
          <p>
            {t('call.host.passcode')} <code>{hosting.passcode}</code>
          </p>
        )}
        {invite && (
          <div className="host-panel__invite">
            <label>
              {t('call.host.inviteLink')}
              <input readOnly value={invite} onFocus={(e) => e.currentTarget.select()} data-testid="invite-link" />
            </label>
            <button type="button" className="button button--small" onClick={() => void copy()}>
              {t('call.host.copyInvite')}
            </button>
            <span role="status" className="host-panel__hint">
              {copied === 'copied' ? t('call.host.copied') : copied === 'failed' ? t('call.host.copyFailed') : null}
            </span>
          </div>
        )}
        <button type="button" className="button button--small" aria-pressed={roomLocked} onClick={() => void setRoomLocked(!roomLocked)}>
          {roomLocked ? t('call.host.unlockRoom') : t('call.host.lockRoom')}
        </button>
      </div>
      {qr && <img className="host-panel__qr" src={qr} alt={t('call.host.qrCode')} width={160} height={160} />}
    </section>
  );
}

function useQrCode(text: string | null): string | null {
  // Keyed by the text it was made from, so a stale code is never shown for a new link.
  const [made, setMade] = useState<{ text: string; dataUrl: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    let current = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 320 })
      .then((dataUrl) => current && setMade({ text, dataUrl }))
      .catch((error: unknown) => console.warn('Parley: no QR code for the invite link', error));
    return () => {
      current = false;
    };
  }, [text]);
  return made && made.text === text ? made.dataUrl : null;
}
