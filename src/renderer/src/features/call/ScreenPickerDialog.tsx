import { useEffect, useId, useRef, useState } from 'react';
import type { ScreenSource } from '../../../../shared/ipc';
import { useText } from '../../i18n/useText';
import { platform } from '../../platform';

/**
 * The app's screen picker (where the system has none): thumbnails of screens and windows, from
 * main. Choosing one shares it; Cancel or Escape shares nothing.
 */
export function ScreenPickerDialog() {
  const [sources, setSources] = useState<ScreenSource[] | null>(null);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const t = useText();

  useEffect(() => {
    const picker = platform().screenPicker;
    if (!picker) return;
    return picker.onRequested(() => {
      void picker.sources().then((listed) => setSources(listed.ok ? listed.data : []));
    });
  }, []);

  useEffect(() => {
    if (sources) dialog.current?.querySelector('button')?.focus();
  }, [sources]);

  if (!sources) return null;
  const choose = (id: string | null): void => {
    setSources(null);
    void platform().screenPicker?.choose(id);
  };

  return (
    <div
      ref={dialog}
      className="screen-picker"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') choose(null);
      }}
    >
      <h2 id={titleId}>{t('call.screenPicker.title')}</h2>
      <ul className="screen-picker__list">
        {sources.map((source) => (
          <li key={source.id}>
            <button type="button" className="screen-picker__source" onClick={() => choose(source.id)}>
              <img src={source.thumbnail} alt="" width={160} height={90} />
              <span>{source.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => choose(null)}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
