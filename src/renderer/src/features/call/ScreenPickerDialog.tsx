import { useEffect, useState } from 'react';
import type { ScreenSource } from '../../../../shared/ipc';
import { useText } from '../../i18n/useText';
import { platform } from '../../platform';
import { Modal } from '../ui/Modal';

/**
 * The app's screen picker (where the system has none): thumbnails of screens and windows, from
 * main. Choosing one shares it; Cancel or Escape shares nothing. A modal dialog: focus stays in
 * it and goes back to the Share screen button after.
 */
export function ScreenPickerDialog() {
  const [sources, setSources] = useState<ScreenSource[] | null>(null);
  const t = useText();

  useEffect(() => {
    const picker = platform().screenPicker;
    if (!picker) return;
    return picker.onRequested(() => {
      void picker.sources().then((listed) => setSources(listed.ok ? listed.data : []));
    });
  }, []);

  const choose = (id: string | null): void => {
    setSources(null);
    void platform().screenPicker?.choose(id);
  };

  return (
    <Modal title={t('call.screenPicker.title')} isOpen={sources !== null} onClose={() => choose(null)} className="modal--wide">
      <ul className="screen-picker__list">
        {(sources ?? []).map((source, index) => (
          <li key={source.id}>
            <button type="button" className="screen-picker__source" autoFocus={index === 0} onClick={() => choose(source.id)}>
              <img src={source.thumbnail} alt="" width={160} height={90} />
              <span>{source.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => choose(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
