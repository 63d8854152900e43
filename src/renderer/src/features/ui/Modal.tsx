/**
 * The app's modal dialog (ui/primitives/ModalDialog.tsx), drawn only once it has been opened.
 * Until then none of React Aria's dialog, menu and collection code is loaded: together with the
 * sound menu's, about 28 KB gzip off the first load (docs/PERFORMANCE.md, "Less to load").
 * `prefetchModal` fetches it when the page is idle, so a dialog opens at once; should it not be
 * fetched yet, the dialog appears when it is, and should the fetch fail, a plain dialog says so.
 */
import { lazy, Suspense, useId, useState } from 'react';
import { useText } from '../../i18n/useText';
import type { ModalProps } from '../../ui/primitives/ModalDialog';

let loading: Promise<typeof import('../../ui/primitives/ModalDialog')> | undefined;
const loadModalDialog = (): Promise<typeof import('../../ui/primitives/ModalDialog')> => {
  loading ??= import('../../ui/primitives/ModalDialog').catch((error: unknown) => {
    loading = undefined; // tried again on the next opening
    throw error;
  });
  return loading;
};
// A failed fetch (the page came from a host that has since gone) draws DialogNotLoaded instead of
// throwing, which with no error boundary would take the whole page down.
const LazyModalDialog = lazy(() =>
  loadModalDialog().then(
    (module) => ({ default: module.ModalDialog }),
    (error: unknown) => ({ default: dialogNotLoaded((error as Error).message) }),
  ),
);

/** In the dialog's place when its code did not load: its title, why, and a way out. */
function dialogNotLoaded(detail: string) {
  return function DialogNotLoaded({ title, onClose }: ModalProps) {
    const t = useText();
    const titleId = useId();
    return (
      <div className="modal-overlay">
        <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby={titleId}>
          <div className="modal__dialog">
            <h2 id={titleId} className="modal__title">
              {title}
            </h2>
            <p>{t('errors.callNotLoaded', { detail })}</p>
            <button type="button" className="button" autoFocus onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      </div>
    );
  };
}

export function prefetchModal(): void {
  loadModalDialog().catch((error: unknown) => console.warn('Parley: the dialog code did not load', error));
}

export function Modal(props: ModalProps) {
  // Kept drawn once opened, so React Aria sees the dialog close (focus goes back to its opener).
  const [opened, setOpened] = useState(props.isOpen);
  if (props.isOpen && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <LazyModalDialog {...props} />
    </Suspense>
  );
}
