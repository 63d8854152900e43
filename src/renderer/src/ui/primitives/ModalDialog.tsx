/**
 * A modal dialog: React Aria keeps focus inside it, closes it on Escape, and gives focus back to
 * whatever opened it. `role="alertdialog"` for a question that needs an answer (the security
 * code), plain "dialog" otherwise. The title names the dialog for screen readers.
 *
 * Loaded only through features/ui/Modal.tsx, as a chunk of its own: React Aria's dialog brings
 * its menu and collection code along, which the home screen does not draw until a dialog opens.
 */
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';

export interface ModalProps {
  title: ReactNode;
  isOpen: boolean;
  /** Escape, or a click outside when `dismissable`. */
  onClose: () => void;
  role?: 'dialog' | 'alertdialog';
  dismissable?: boolean;
  className?: string;
  children: ReactNode;
}

export function ModalDialog({ title, isOpen, onClose, role = 'dialog', dismissable = true, className, children }: ModalProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => open || onClose()} isDismissable={dismissable} isKeyboardDismissDisabled={false}>
      <AriaModal className={`modal${className ? ` ${className}` : ''}`}>
        <Dialog role={role} className="modal__dialog">
          <Heading slot="title" className="modal__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}
