/**
 * A modal dialog (ModalDialog.tsx), drawn only once it has been opened: until then nothing of
 * React Aria's dialog, menu and collection code is loaded (about 15 KB gzip off the first load,
 * docs/PERFORMANCE.md "Less to load"). `prefetchModal` fetches it when the page is idle, so a
 * dialog opens at once; should it not be fetched yet, the dialog appears when it is.
 */
import { lazy, Suspense, useState } from 'react';
import type { ModalProps } from './ModalDialog';

let loading: Promise<typeof import('./ModalDialog')> | undefined;
const loadModalDialog = (): Promise<typeof import('./ModalDialog')> => {
  loading ??= import('./ModalDialog').catch((error: unknown) => {
    loading = undefined; // tried again on the next opening
    throw error;
  });
  return loading;
};
const LazyModalDialog = lazy(() => loadModalDialog().then((module) => ({ default: module.ModalDialog })));

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
