import { useEffect } from 'react';
import { ScreenPickerDialog } from './features/call/ScreenPickerDialog';
import { HomeScreen } from './features/home/HomeScreen';
import { useSystemInvites } from './features/home/useSystemInvites';
import { useTheme } from './features/ui/useTheme';
import { prefetchHomeParts } from './features/home/homeParts';
import { prefetchMediaInfo } from './features/media/DeviceSettings';
import { prefetchModal } from './features/ui/Modal';
import { withLaterEnglish } from './i18n/loadCatalog';
import { useText } from './i18n/useText';
import { lazyPart } from './ui/lazyPart';
import { prefetchTooltips } from './ui/primitives/TooltipTrigger';
import { useParley } from './store';

// The call screen (its panels, statistics, recorder, QR code, mini window) is not needed to draw
// the home screen: it is a chunk of its own (with its words), fetched as soon as the home screen
// is idle (or a join starts), so the first paint loads less and the click on Join does not wait.
const callScreen = lazyPart('the call screen', () => withLaterEnglish(import('./features/call/CallScreen')).then((module) => module.CallScreen));

function fetchLaterParts(): void {
  callScreen.prefetch();
  // The home screen's folded-away settings and media info, the tooltips, and the dialogs' code
  // (features/ui/Modal.tsx), which the home screen draws only when asked.
  prefetchHomeParts();
  prefetchMediaInfo();
  prefetchTooltips();
  prefetchModal();
}

/**
 * Once fetched, the call screen replaces the home screen in the same render: our own picture's
 * video element moves across without leaving the page (which would pause it). Should it not be
 * fetched yet, the home screen stays up until it is; should the fetch fail, the call goes on
 * (its media and connections are not in this chunk) and the page says so, with a way to try again
 * or leave.
 */
function CallScreenOrHome() {
  const t = useText();
  const leave = useParley((state) => state.leave);
  return (
    <callScreen.Part
      props={{}}
      loading={<HomeScreen />}
      failed={(detail, retry) => (
        <main className="home">
          <div role="alert" className="error">
            <p>{t('errors.callNotLoaded', { detail })}</p>
            <div className="dialog__actions">
              <button type="button" className="button" onClick={retry}>
                {t('common.tryAgain')}
              </button>
              <button type="button" className="button" onClick={() => void leave()}>
                {t('call.controls.leave')}
              </button>
            </div>
          </div>
        </main>
      )}
    />
  );
}

export function App() {
  const inCall = useParley((state) => state.phase === 'in-call');
  const joining = useParley((state) => state.phase !== 'idle');
  useSystemInvites();
  useTheme();
  useEffect(() => {
    if (joining) return fetchLaterParts();
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(fetchLaterParts, { timeout: 1500 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(fetchLaterParts, 200);
    return () => clearTimeout(timer);
  }, [joining]);
  return (
    <>
      {inCall ? <CallScreenOrHome /> : <HomeScreen />}
      <ScreenPickerDialog />
    </>
  );
}
