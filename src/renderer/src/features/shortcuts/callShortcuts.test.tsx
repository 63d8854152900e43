import { describe, expect, it } from 'vitest';
import { isTyping, shortcutFor, spaceBelongsTo } from './callShortcuts';

function element(html: string, selector: string): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}
const press = (key: string, target: EventTarget | null, change: Partial<KeyboardEvent> = {}) => ({ key, target, ctrlKey: false, metaKey: false, altKey: false, ...change });

describe('call shortcuts', () => {
  it('act on single keys, whatever their case', () => {
    expect(shortcutFor(press('m', document.body))).toBe('microphone');
    expect(shortcutFor(press('V', document.body))).toBe('camera');
    expect(shortcutFor(press('?', document.body))).toBe('help');
    expect(shortcutFor(press('x', document.body))).toBeNull();
  });

  it('never while typing, in a menu or a dialog, or with Ctrl, Cmd or Alt', () => {
    expect(shortcutFor(press('m', element('<textarea></textarea>', 'textarea')))).toBeNull();
    expect(shortcutFor(press('m', element('<div contenteditable="true"><b>x</b></div>', 'b')))).toBeNull();
    expect(shortcutFor(press('m', element('<div role="menu"><div role="menuitem">Mute</div></div>', '[role=menuitem]')))).toBeNull();
    expect(shortcutFor(press('m', element('<div role="dialog"><p>x</p></div>', 'p')))).toBeNull();
    expect(shortcutFor(press('m', document.body, { ctrlKey: true }))).toBeNull();
    expect(isTyping(element('<select><option>a</option></select>', 'select'))).toBe(true);
  });

  it('leave Space to the control that has the focus', () => {
    expect(spaceBelongsTo(element('<button>Mute</button>', 'button'))).toBe(true);
    expect(spaceBelongsTo(element('<div role="checkbox"></div>', 'div'))).toBe(true);
    expect(spaceBelongsTo(element('<figure><video></video></figure>', 'video'))).toBe(false);
    expect(spaceBelongsTo(document.body)).toBe(false);
  });
});
