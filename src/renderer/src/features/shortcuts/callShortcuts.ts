/**
 * The call's keyboard shortcuts, in one table: the key handler, the tooltips (and their
 * aria-keyshortcuts) and the help dialog all read it, so what is shown is what works.
 * Single keys, as in Google Meet's and Zoom's "single-key" modes: never while typing in a field,
 * never with Ctrl/Cmd/Alt (those belong to the system and the browser).
 */
import type { MessageKey } from '../../../../shared/i18n/catalogs';

export type ShortcutAction = 'microphone' | 'camera' | 'share' | 'chat' | 'hand' | 'help';

export interface CallShortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key, compared case-insensitively. */
  key: string;
  /** As shown in tooltips and the help dialog. */
  label: string;
  description: MessageKey;
}

export const CALL_SHORTCUTS: readonly CallShortcut[] = [
  { action: 'microphone', key: 'm', label: 'M', description: 'desktop.shortcuts.microphone' },
  { action: 'camera', key: 'v', label: 'V', description: 'desktop.shortcuts.camera' },
  { action: 'share', key: 's', label: 'S', description: 'desktop.shortcuts.share' },
  { action: 'chat', key: 'c', label: 'C', description: 'desktop.shortcuts.chat' },
  { action: 'hand', key: 'h', label: 'H', description: 'desktop.shortcuts.hand' },
  { action: 'help', key: '?', label: '?', description: 'desktop.shortcuts.help' },
];

/** Push-to-talk: held while muted, the microphone is on; released, muted again. */
export const PUSH_TO_TALK = { key: ' ', label: 'Space', description: 'desktop.shortcuts.pushToTalk' as MessageKey };

export function shortcutLabel(action: ShortcutAction): string {
  return CALL_SHORTCUTS.find((shortcut) => shortcut.action === action)!.label;
}

/** Where a single key types text (or picks an option) rather than commanding the call. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  // Menus, listboxes and dialogs handle letters themselves (type-ahead), and a shortcut would act behind a modal.
  return target.closest('[role="menu"], [role="listbox"], [role="dialog"], [role="alertdialog"]') !== null;
}

/** Space activates buttons and toggles checkboxes: there, Space is the control's, not push-to-talk's. */
export function spaceBelongsTo(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('button, a[href], summary, [role="button"], [role="switch"], [role="checkbox"], [role="radio"], [role="menuitem"], [role="option"], [role="slider"], [role="tab"]') !== null;
}

export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null;
  const key = event.key.toLowerCase();
  return CALL_SHORTCUTS.find((shortcut) => shortcut.key === key)?.action ?? null;
}
