/**
 * A setting whose value is a key or a shortcut pressed on the keyboard: a button that, pressed,
 * records the next keys (Tab moves on, Escape gives up), a button to turn it off or back to the
 * default, and a line under it saying how it stands. What a key press means is the caller's.
 */
import { useId, useState, type KeyboardEvent } from 'react';

export interface KeyChoiceFieldProps {
  label: string;
  /** What the button shows while not recording (the current choice, or "Off"). */
  shown: string;
  /** What it shows while recording. */
  prompt: string;
  /** A key press while recording: true when it settled the choice (recording ends). */
  onKey: (event: KeyboardEvent<HTMLButtonElement>) => boolean;
  /** The record button is pressed, to start or to stop (a chance to clear an earlier problem). */
  onStart?: () => void;
  /** Set: a button that turns it off; unset: a button that puts `reset` back. */
  turnOff: { label: string; onPress: () => void } | null;
  reset: { label: string; onPress: () => void };
  hint: string;
  hintIsError: boolean;
}

export function KeyChoiceField({ label, shown, prompt, onKey, onStart, turnOff, reset, hint, hintIsError }: KeyChoiceFieldProps) {
  const labelId = useId();
  const hintId = useId();
  const [recording, setRecording] = useState(false);

  const record = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (!recording || event.key === 'Tab') return; // the keyboard user moves on
    event.preventDefault();
    if (event.key === 'Escape') return setRecording(false);
    if (onKey(event)) setRecording(false);
  };
  const other = turnOff ?? reset;

  return (
    <div className="field">
      <span id={labelId}>{label}</span>
      <div className="desktop-settings__shortcut">
        <button
          type="button"
          className="button button--small"
          aria-labelledby={labelId}
          aria-describedby={hintId}
          aria-pressed={recording}
          onClick={() => {
            onStart?.();
            setRecording(!recording);
          }}
          onKeyDown={record}
          onBlur={() => setRecording(false)}
        >
          <kbd>{recording ? prompt : shown}</kbd>
        </button>
        <button type="button" className="button button--small" onClick={other.onPress}>
          {other.label}
        </button>
      </div>
      <p id={hintId} className={`field__hint${hintIsError ? ' field__hint--error' : ''}`} role="status">
        {hint}
      </p>
    </div>
  );
}
