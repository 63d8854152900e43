/**
 * Electron accelerators ("CommandOrControl+Shift+M") for the global mute shortcut: checked by the
 * rules Electron 45 parses them with (shell/browser/ui/accelerator_util.cc: ASCII, "+"-separated,
 * modifiers plus exactly one key from keyboard_util.cc's names or a single character), and by
 * Parley's own: a system-wide shortcut needs a modifier, or it would swallow that key in every
 * other program. Also turns a key press in settings into an accelerator, and one into words to show.
 */

const MODIFIERS: Record<string, 'CommandOrControl' | 'Command' | 'Control' | 'Alt' | 'AltGr' | 'Shift' | 'Super'> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = [
  'Backspace', 'Delete', 'Down', 'End', 'Enter', 'Esc', 'Escape', 'Home', 'Insert', 'Left', 'PageDown', 'PageUp', 'Plus',
  'PrintScreen', 'Return', 'Right', 'Space', 'Tab', 'Up', 'VolumeUp', 'VolumeDown', 'VolumeMute',
  'MediaNextTrack', 'MediaPreviousTrack', 'MediaStop', 'MediaPlayPause',
  ...Array.from({ length: 24 }, (_, index) => `F${index + 1}`),
  ...Array.from({ length: 10 }, (_, index) => `num${index}`),
];
const NAMED = new Map(NAMED_KEYS.map((name) => [name.toLowerCase(), name]));

export type AcceleratorCheck = { ok: true; accelerator: string } | { ok: false; reason: 'empty' | 'not-ascii' | 'unknown-key' | 'no-key' | 'two-keys' | 'no-modifier' };

/** The accelerator in its tidy spelling (modifiers first, in a fixed order), or why it is not one. */
export function parseAccelerator(text: string): AcceleratorCheck {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  // eslint-disable-next-line no-control-regex -- the check is exactly "ASCII only", as Electron's
  if (!/^[\x00-\x7f]*$/.test(text)) return { ok: false, reason: 'not-ascii' };
  const tokens = text.split('+').map((token) => token.trim());
  // "Ctrl++" means Ctrl and the plus key: an empty token after a "+" is the key itself.
  const modifiers = new Set<string>();
  let key: string | null = null;
  for (const [index, token] of tokens.entries()) {
    if (token === '' && index === tokens.length - 1 && index > 0 && tokens[index - 1] === '') {
      key = key === null ? '+' : key;
      continue;
    }
    if (token === '') continue;
    const modifier = MODIFIERS[token.toLowerCase()];
    if (modifier) {
      modifiers.add(modifier);
      continue;
    }
    const named = NAMED.get(token.toLowerCase()) ?? (token.length === 1 ? token.toUpperCase() : undefined);
    if (!named) return { ok: false, reason: 'unknown-key' };
    if (key !== null) return { ok: false, reason: 'two-keys' };
    key = named;
  }
  if (key === null) return { ok: false, reason: 'no-key' };
  if (modifiers.size === 0 || (modifiers.size === 1 && modifiers.has('Shift'))) return { ok: false, reason: 'no-modifier' };
  const order = ['CommandOrControl', 'Command', 'Control', 'Alt', 'AltGr', 'Shift', 'Super'];
  return { ok: true, accelerator: [...order.filter((name) => modifiers.has(name)), key].join('+') };
}

/** The parts of a DOM KeyboardEvent a shortcut is made from (shared/ has no DOM types). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The accelerator a key press in the settings field means, or null while only modifiers are down. */
export function acceleratorFromKey(event: KeyPress, isMac: boolean): string | null {
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'OS'].includes(event.key)) return null;
  // The physical key, so Shift+M is "M" and not "m", and Alt+letters on macOS are not "µ".
  const fromCode = /^Key([A-Z])$/.exec(event.code)?.[1] ?? /^Digit(\d)$/.exec(event.code)?.[1] ?? /^(F\d{1,2})$/.exec(event.code)?.[1];
  const key = fromCode ?? (event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toUpperCase() : (NAMED.get(event.key.toLowerCase()) ?? null));
  if (!key) return null;
  const parts = [
    ...((isMac ? event.metaKey : event.ctrlKey) ? ['CommandOrControl'] : []),
    ...(isMac && event.ctrlKey ? ['Control'] : []),
    ...(event.altKey ? ['Alt'] : []),
    ...(event.shiftKey ? ['Shift'] : []),
    ...(!isMac && event.metaKey ? ['Super'] : []),
    key,
  ];
  return parts.join('+');
}

/** How the shortcut reads on this system: "Ctrl+Shift+M", or "⌘⇧M" on macOS. */
export function displayAccelerator(accelerator: string, isMac: boolean): string {
  const mac: Record<string, string> = { CommandOrControl: '⌘', Command: '⌘', Control: '⌃', Alt: '⌥', Shift: '⇧', Super: '⌘' };
  const other: Record<string, string> = { CommandOrControl: 'Ctrl', Command: 'Super', Control: 'Ctrl', Super: 'Super' };
  const parts = accelerator.split('+').map((part) => (isMac ? (mac[part] ?? part) : (other[part] ?? part)));
  return isMac ? parts.join('') : parts.join('+');
}
