/**
 * The frame of the call's one side panel: a named landmark (complementary) with its title and a
 * close button; the content is the panel's own. Opening it moves the focus to its first control
 * (the message box of chat; else its close button), so a keyboard user goes on where the panel is; Escape inside it
 * closes it and gives the focus back to the toolbar button that opened it.
 */
const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useText } from '../../i18n/useText';
import { X } from '../../ui/icons';

export function SidePanel({ id, title, onClose, children }: { id: string; title: string; onClose: () => void; children: ReactNode }) {
  const t = useText();
  const panel = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The first control of the content; a panel with none (people, read only) focuses its close button.
    (body.current?.querySelector<HTMLElement>(FOCUSABLE) ?? panel.current?.querySelector<HTMLElement>('button'))?.focus();
  }, []);
  const closeOnEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
    // The toolbar button that controls this panel takes the focus back.
    document.querySelector<HTMLElement>(`[aria-controls="${id}"]`)?.focus();
  };
  return (
    <aside ref={panel} id={id} className="side-panel" aria-label={title} onKeyDown={closeOnEscape}>
      <div className="side-panel__head">
        <h2 className="side-panel__title">{title}</h2>
        <Button className="control control--default control--small" aria-label={t('call.panel.close', { panel: title })} onPress={onClose}>
          <X aria-hidden="true" focusable="false" className="control__icon control__icon--small" />
        </Button>
      </div>
      <div className="side-panel__body" ref={body}>
        {children}
      </div>
    </aside>
  );
}
