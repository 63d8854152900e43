import { lazy, Suspense, useEffect } from 'react';
import { ScreenPickerDialog } from './features/call/ScreenPickerDialog';
import { HomeScreen } from './features/home/HomeScreen';
import { useSystemInvites } from './features/home/useSystemInvites';
import { useTheme } from './features/ui/useTheme';
import { useParley } from './store';

// The call screen (its panels, statistics, recorder, QR code, mini window) is not needed to draw
// the home screen: it is a chunk of its own, fetched as soon as the home screen is idle, so the
// first paint loads less and the click on Join never waits for it.
const loadCallScreen = () => import('./features/call/CallScreen');
const CallScreen = lazy(() => loadCallScreen().then((module) => ({ default: module.CallScreen })));

export function App() {
  const inCall = useParley((state) => state.phase === 'in-call');
  useSystemInvites();
  useTheme();
  useEffect(() => {
    const fetchSoon = (): void => void loadCallScreen().catch((error: unknown) => console.warn('Parley: the call screen did not load', error));
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(fetchSoon, { timeout: 1500 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(fetchSoon, 200);
    return () => clearTimeout(timer);
  }, []);
  return (
    <>
      {inCall ? (
        <Suspense fallback={null}>
          <CallScreen />
        </Suspense>
      ) : (
        <HomeScreen />
      )}
      <ScreenPickerDialog />
    </>
  );
}
