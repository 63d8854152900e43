import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CHAT_LIMITS, splitLinks } from '../../../../shared/collaboration';
import { isSafeExternalUrl } from '../../../../shared/safeLink';
import { useFormat } from '../../i18n/format';
import { useRichText, useText } from '../../i18n/useText';
import { useParley } from '../../store';

/** The call's chat: a live log (read out by screen readers as it grows) and a message box. */
export function ChatPanel() {
  const chat = useParley((s) => s.chat);
  const sendChat = useParley((s) => s.sendChat);
  const t = useText();
  const rich = useRichText();
  const format = useFormat();
  const [draft, setDraft] = useState('');
  const draftId = useId();
  const end = useRef<HTMLLIElement>(null);
  // Braces matter: recent Chromium returns a promise from scrollIntoView, and an effect must not
  // return anything but a cleanup function.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [chat.length]);

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (sendChat(draft)) setDraft('');
  };

  return (
    <section className="chat" aria-label={t('collab.chat.label')}>
      <ol className="chat__log" role="log" aria-live="polite" aria-label={t('collab.chat.log')}>
        {chat.map((entry) => (
          <li key={entry.id} className={`chat__message${entry.from === null ? ' chat__message--self' : ''}`}>
            <span className="chat__meta">
              {rich('collab.chat.meta', {
                name: entry.fromName ?? t('collab.chat.someone'),
                time: format.time(entry.sentAt),
                when: (chunks) => <time dateTime={new Date(entry.sentAt).toISOString()}>{chunks}</time>,
              })}
            </span>
            <p className="chat__text">
              {splitLinks(entry.text).map((part, i) =>
                part.link && isSafeExternalUrl(part.text) ? (
                  // Opens in the system browser (the app's window-open handler checks the link again).
                  <a key={i} href={part.text} target="_blank" rel="noreferrer noopener">
                    {part.text}
                  </a>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          </li>
        ))}
        <li ref={end} aria-hidden="true" />
      </ol>
      <form className="chat__form" onSubmit={onSubmit}>
        <label className="visually-hidden" htmlFor={draftId}>
          {t('collab.chat.draft')}
        </label>
        <input
          id={draftId}
          value={draft}
          maxLength={CHAT_LIMITS.textChars}
          autoComplete="off"
          placeholder={t('collab.chat.placeholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={draft.trim() === ''}>
          {t('collab.chat.send')}
        </button>
      </form>
    </section>
  );
}
