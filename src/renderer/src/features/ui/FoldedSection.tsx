/**
 * A section folded away under its summary (the home screen's settings, the media info) (a native <details>, so keyboards and
 * screen readers know it), whose contents are a lazy part: drawn from the first opening on.
 */
import { useState } from 'react';
import { useText } from '../../i18n/useText';
import type { LazyPart } from '../../ui/lazyPart';

export function FoldedSection({ className, summary, part }: { className: string; summary: string; part: LazyPart<object> }) {
  const t = useText();
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && (
        <part.Part
          props={{}}
          loading={
            <p className="folded__loading" role="status">
              {t('common.loading')}
            </p>
          }
          failed={(detail, retry) => (
            <div role="alert" className="error">
              <p>{t('errors.callNotLoaded', { detail })}</p>
              <button type="button" className="button button--small" onClick={retry}>
                {t('common.tryAgain')}
              </button>
            </div>
          )}
        />
      )}
    </details>
  );
}
