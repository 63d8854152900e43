/** The list of the call's keyboard shortcuts (opened with "?", or from the More menu). */
import { displayAccelerator } from '../../../../shared/accelerator';
import { useText } from '../../i18n/useText';
import { platform } from '../../platform';
import { useParley } from '../../store';
import { Modal } from '../ui/Modal';
import { CALL_SHORTCUTS, PUSH_TO_TALK } from './callShortcuts';

export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const t = useText();
  const globalMute = useParley((state) => state.desktop.globalMuteShortcut);
  const desktop = platform().kind === 'desktop';
  const rows = [
    ...CALL_SHORTCUTS.map((shortcut) => ({ keys: shortcut.label, what: t(shortcut.description) })),
    { keys: PUSH_TO_TALK.label, what: t(PUSH_TO_TALK.description) },
    ...(desktop && globalMute ? [{ keys: displayAccelerator(globalMute, platform().isMac), what: t('desktop.shortcuts.globalMute') }] : []),
  ];
  return (
    <Modal title={t('desktop.shortcuts.title')} isOpen={isOpen} onClose={onClose} className="shortcuts">
      <p className="shortcuts__note">{t('desktop.shortcuts.note')}</p>
      <dl className="shortcuts__list">
        {rows.map((row) => (
          <div key={row.keys} className="shortcuts__row">
            <dt>
              <kbd>{row.keys}</kbd>
            </dt>
            <dd>{row.what}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
