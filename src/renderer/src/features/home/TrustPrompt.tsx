import { useEffect, useId, useRef } from 'react';
import { useText } from '../../i18n/useText';

/**
 * First meeting with a host typed by address: show its certificate's short security code and ask
 * the user to compare it with the host's screen before anything is sent. Focus starts on the
 * safe choice; Escape cancels.
 */
export function TrustPrompt({ code, onConfirm, onCancel }: { code: string; onConfirm: () => void; onCancel: () => void }) {
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const t = useText();
  useEffect(() => {
    cancel.current?.focus();
  }, []);

  return (
    <div
      className="trust-prompt"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id={titleId}>{t('home.trust.title')}</h2>
      <p>{t('home.trust.firstMeeting')}</p>
      <p className="trust-prompt__code" data-testid="host-security-code">
        {code}
      </p>
      <p>{t('home.trust.compare')}</p>
      <div className="home__actions">
        <button type="button" className="button button--primary" onClick={onConfirm}>
          {t('home.trust.confirm')}
        </button>
        <button type="button" className="button" ref={cancel} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
