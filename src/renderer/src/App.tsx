import { lazy, Suspense, useEffect } from 'react';
import { ScreenPickerDialog } from './features/call/ScreenPickerDialog';
import { HomeScreen } from './features/home/HomeScreen';
import { useSystemInvites } from './features/home/useSystemInvites';
import { useTheme } from './features/ui/useTheme';
import { prefetchModal } from './features/ui/Modal';
import { loadLaterEnglish } from './i18n/loadCatalog';
import { useParley } from './store';

// The call screen (its panels, statistics, recorder, QR code, mini window) is not needed to draw
// the home screen: it is a chunk of its own, fetched as soon as the home screen is idle (or a join
// starts), so the first paint loads less and the click on Join does not wait for it. Its words
// come with it (i18n/loadCatalog.ts): it is not drawn before they are there.
type CallScreenModule = typeof import('./features/call/CallScreen');
let callScreenModule: CallScreenModule | undefined;
const loadCallScreen = (): Promise<CallScreenModule> =>
  Promise.all([import('./features/call/CallScreen'), loadLaterEnglish()]).then(([module]) => {
    callScreenModule = module;
    return module;
  });
const LazyCallScreen = lazy(() => loadCallScreen().then((module) => ({ default: module.CallScreen })));

function fetchCallScreen(): void {
  loadCallScreen().catch((error: unknown) => console.warn('Parley: the call screen did not load', error));
  // And the dialogs' code (features/ui/Modal.tsx), which the home screen draws only when asked.
  prefetchModal();
}

/**
 * Once fetched, the call screen replaces the home screen in the same render: our own picture's
 * video element moves across without leaving the page (which would pause it). Should it not be
 * fetched yet, the home screen stays up until it is.
 */
function CallScreenOrHome() {
  const loaded = callScreenModule;
  if (loaded) return <loaded.CallScreen />;
  return (
    <Suspense fallback={<HomeScreen />}>
      <LazyCallScreen />
    </Suspense>
  );
}

export function App() {
  const inCall = useParley((state) => state.phase === 'in-call');
  const joining = useParley((state) => state.phase !== 'idle');
  useSystemInvites();
  useTheme();
  useEffect(() => {
    if (joining) return fetchCallScreen();
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(fetchCallScreen, { timeout: 1500 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(fetchCallScreen, 200);
    return () => clearTimeout(timer);
  }, [joining]);
  return (
    <>
      {inCall ? <CallScreenOrHome /> : <HomeScreen />}
      <ScreenPickerDialog />
    </>
  );
}
