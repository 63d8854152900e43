import { useShallow } from 'zustand/react/shallow';
import { MEDIA_PROBLEM_TEXT } from '../../call/localMedia';
import { useMessageText, useText } from '../../i18n/useText';
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
  const t = useText();
  const messageText = useMessageText();
  const mediaAccess = platform().mediaAccess;
  return (
    <>
      {problem && (
        <div className="notice" role="status">
          <p>{t(MEDIA_PROBLEM_TEXT[problem])}</p>
          <div className="notice__actions">
            {problem === 'denied' && mediaAccess && (
              <button type="button" className="button button--small" onClick={() => void mediaAccess.openSettings('camera')}>
                {t('media.openPrivacySettings')}
              </button>
            )}
            {problem !== 'insecure-context' && (
              <button type="button" className="button button--small" onClick={() => void retryMedia()}>
                {t('common.tryAgain')}
              </button>
            )}
          </div>
        </div>
      )}
      {screenAccessBlocked && (
        <div className="notice" role="status">
          <p>{t('media.screenAccess.blocked')}</p>
          <div className="notice__actions">
            {mediaAccess && (
              <button type="button" className="button button--small" onClick={() => void mediaAccess.openSettings('screen')}>
                {t('media.screenAccess.openSettings')}
              </button>
            )}
            <button type="button" className="button button--small" onClick={dismissScreenAccess}>
              {t('common.dismiss')}
            </button>
          </div>
        </div>
      )}
      {notice && (
        <div className="notice" role="status">
          <p>{messageText(notice)}</p>
          <button type="button" className="button button--small" onClick={dismissNotice}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
