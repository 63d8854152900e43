import { useEffect, useId, useRef } from 'react';

/**
 * First meeting with a host typed by address: show its certificate's short security code and ask
 * the user to compare it with the host's screen before anything is sent. Focus starts on the
 * safe choice; Escape cancels.
 */
export function TrustPrompt({ code, onConfirm, onCancel }: { code: string; onConfirm: () => void; onCancel: () => void }) {
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);

  return (
    <div
      className="trust-prompt"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id={titleId}>Is this the host you mean?</h2>
      <p>This is the first time Parley meets this host. Its security code is:</p>
      <p className="trust-prompt__code" data-testid="host-security-code">
        {code}
      </p>
      <p>The host’s screen shows a security code too. Join only if the two are the same.</p>
      <div className="home__actions">
        <button type="button" className="button button--primary" onClick={onConfirm}>
          The codes match — join
        </button>
        <button type="button" className="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
