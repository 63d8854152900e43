/**
 * The key held to talk from any program (system-wide push-to-talk), named as uiohook-napi names
 * keys (its UiohookKey map), and how a key pressed in settings (KeyboardEvent.code) maps to it.
 * A single key, no modifiers: it is held, not pressed. Keys that would also type into every
 * other program (letters, Space) are allowed but settings suggest a function key.
 */
const FROM_CODE: Record<string, string> = {
  Backquote: 'Backquote', Minus: 'Minus', Equal: 'Equal', BracketLeft: 'BracketLeft', BracketRight: 'BracketRight', Backslash: 'Backslash',
  Semicolon: 'Semicolon', Quote: 'Quote', Comma: 'Comma', Period: 'Period', Slash: 'Slash', Space: 'Space', CapsLock: 'CapsLock',
  ControlLeft: 'Ctrl', ControlRight: 'CtrlRight', AltLeft: 'Alt', AltRight: 'AltRight', ShiftLeft: 'Shift', ShiftRight: 'ShiftRight',
  MetaLeft: 'Meta', MetaRight: 'MetaRight', ScrollLock: 'ScrollLock', Pause: 'Pause', Insert: 'Insert', Home: 'Home', End: 'End', PageUp: 'PageUp', PageDown: 'PageDown',
};

export const DEFAULT_PUSH_TO_TALK_KEY = 'F9';

/** The key's uiohook name for a KeyboardEvent.code, or null for a key it has no name for. */
export function pushToTalkKeyFromCode(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return letter;
  const digit = /^Digit(\d)$/.exec(code)?.[1];
  if (digit) return digit;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  if (/^Numpad\d$/.test(code)) return code;
  return FROM_CODE[code] ?? null;
}

/** The names settings may send (checked again by main against uiohook's own map). */
export const PUSH_TO_TALK_KEY_PATTERN = /^(?:[A-Z0-9]|F(?:[1-9]|1\d|2[0-4])|Numpad\d|[A-Z][A-Za-z]{1,15})$/;
