import { useText } from '../../i18n/useText';
import { Modal } from '../ui/Modal';

/**
 * First meeting with a host typed by address: show its certificate's short security code and ask
 * the user to compare it with the host's screen before anything is sent. A modal alert dialog:
 * focus stays inside and starts on the safe choice; Escape cancels; focus returns after.
 */
export function TrustPrompt({ code, onConfirm, onCancel }: { code: string | null; onConfirm: () => void; onCancel: () => void }) {
  const t = useText();
  return (
    <Modal title={t('home.trust.title')} isOpen={code !== null} onClose={onCancel} role="alertdialog" dismissable={false}>
      <p>{t('home.trust.firstMeeting')}</p>
      <p className="trust-prompt__code" data-testid="host-security-code">
        {code}
      </p>
      <p>{t('home.trust.compare')}</p>
      <div className="home__actions">
        <button type="button" className="button button--primary" onClick={onConfirm}>
          {t('home.trust.confirm')}
        </button>
        {/* The safe choice takes the focus first. */}
        <button type="button" className="button" autoFocus onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
