import { describe, expect, it } from 'vitest';
import { acceleratorFromKey, displayAccelerator, parseAccelerator, type KeyPress } from './accelerator';

describe('parseAccelerator', () => {
  it('takes what Electron takes and spells it tidily', () => {
    expect(parseAccelerator('CommandOrControl+Shift+M')).toEqual({ ok: true, accelerator: 'CommandOrControl+Shift+M' });
    expect(parseAccelerator('shift + ctrl + f9')).toEqual({ ok: true, accelerator: 'Control+Shift+F9' });
    expect(parseAccelerator('Alt+Space')).toEqual({ ok: true, accelerator: 'Alt+Space' });
    expect(parseAccelerator('CmdOrCtrl++')).toEqual({ ok: true, accelerator: 'CommandOrControl++' });
  });

  it('refuses what Electron cannot parse, and a shortcut that would swallow a plain key everywhere', () => {
    expect(parseAccelerator('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseAccelerator('Ctrl+ä')).toEqual({ ok: false, reason: 'not-ascii' });
    expect(parseAccelerator('Ctrl+Banana')).toEqual({ ok: false, reason: 'unknown-key' });
    expect(parseAccelerator('Ctrl+Shift')).toEqual({ ok: false, reason: 'no-key' });
    expect(parseAccelerator('Ctrl+A+B')).toEqual({ ok: false, reason: 'two-keys' });
    expect(parseAccelerator('M')).toEqual({ ok: false, reason: 'no-modifier' });
    expect(parseAccelerator('Shift+M')).toEqual({ ok: false, reason: 'no-modifier' });
  });
});

describe('acceleratorFromKey', () => {
  const press = (change: Partial<KeyPress>): KeyPress => ({ key: 'm', code: 'KeyM', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...change });

  it('uses the physical key and the platform command key', () => {
    expect(acceleratorFromKey(press({ key: 'M', ctrlKey: true, shiftKey: true }), false)).toBe('CommandOrControl+Shift+M');
    expect(acceleratorFromKey(press({ key: 'µ', metaKey: true, altKey: true }), true)).toBe('CommandOrControl+Alt+M');
    expect(acceleratorFromKey(press({ key: 'F8', code: 'F8', altKey: true }), false)).toBe('Alt+F8');
  });

  it('waits while only modifiers are held', () => {
    expect(acceleratorFromKey(press({ key: 'Shift', code: 'ShiftLeft', shiftKey: true }), false)).toBeNull();
  });
});

describe('displayAccelerator', () => {
  it('reads as each system writes it', () => {
    expect(displayAccelerator('CommandOrControl+Shift+M', false)).toBe('Ctrl+Shift+M');
    expect(displayAccelerator('CommandOrControl+Shift+M', true)).toBe('⌘⇧M');
  });
});
