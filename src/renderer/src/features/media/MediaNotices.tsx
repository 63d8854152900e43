import { useShallow } from 'zustand/react/shallow';
import { MEDIA_PROBLEM_TEXT } from '../../call/localMedia';
import { platform } from '../../platform';
import { useParley } from '../../store';

/** Why the camera or microphone is missing and what to do, plus passing notices (device changes, saves). */
export function MediaNotices() {
  const { problem, notice, dismissNotice, retryMedia, screenAccessBlocked, dismissScreenAccess } = useParley(
    useShallow((s) => ({
      problem: s.mediaProblem,
      notice: s.notice,
      dismissNotice: s.dismissNotice,
      retryMedia: s.retryMedia,
      screenAccessBlocked: s.screenAccessBlocked,
      dismissScreenAccess: s.dismissScreenAccess,
    })),
  );
  const mediaAccess = platform().mediaAccess;
  return (
    <>
      {problem && (
        <div className="notice" role="status">
          <p>{MEDIA_PROBLEM_TEXT[problem]}</p>
          <div className="notice__actions">
            {problem === 'denied' && mediaAccess && (
              <button type="button" className="button button--small" onClick={() => void mediaAccess.openSettings('camera')}>
                Open privacy settings
              </button>
            )}
            {problem !== 'insecure-context' && (
              <button type="button" className="button button--small" onClick={() => void retryMedia()}>
                Try again
              </button>
            )}
          </div>
        </div>
      )}
      {screenAccessBlocked && (
        <div className="notice" role="status">
          <p>Your system does not let Parley record the screen. Allow Parley under Screen Recording in the privacy settings, then share again.</p>
          <div className="notice__actions">
            {mediaAccess && (
              <button type="button" className="button button--small" onClick={() => void mediaAccess.openSettings('screen')}>
                Open Screen Recording settings
              </button>
            )}
            <button type="button" className="button button--small" onClick={dismissScreenAccess}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {notice && (
        <div className="notice" role="status">
          <p>{notice}</p>
          <button type="button" className="button button--small" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
