import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { AppPreferences } from '../../../shared/ipc';
import { reportPreferencesToDesktop } from './desktopPreferences';
import type { ParleyState } from './index';

describe('the preferences reported to the desktop app', () => {
  it('are sent at once and on each change of language or theme only; the pseudo-locale stays in the page', () => {
    const store = create<ParleyState>()(() => ({ language: 'system', theme: 'system', desktop: { closeEndsCall: false, globalMuteShortcut: 'CommandOrControl+Shift+M', pushToTalkKey: null }, displayName: '' }) as unknown as ParleyState);
    const reported: AppPreferences[] = [];
    reportPreferencesToDesktop(store, { report: async (chosen) => (reported.push(chosen), { ok: true, data: null }) });
    store.setState({ language: 'zh-CN' } as Partial<ParleyState>);
    store.setState({ displayName: 'Ada' } as Partial<ParleyState>);
    store.setState({ theme: 'dark' } as Partial<ParleyState>);
    store.setState({ language: 'en-XA' } as Partial<ParleyState>);
    expect(reported).toEqual([
      { language: 'system', theme: 'system', closeEndsCall: false, globalMuteShortcut: 'CommandOrControl+Shift+M', pushToTalkKey: null },
      { language: 'zh-CN', theme: 'system', closeEndsCall: false, globalMuteShortcut: 'CommandOrControl+Shift+M', pushToTalkKey: null },
      { language: 'zh-CN', theme: 'dark', closeEndsCall: false, globalMuteShortcut: 'CommandOrControl+Shift+M', pushToTalkKey: null },
      { language: 'system', theme: 'dark', closeEndsCall: false, globalMuteShortcut: 'CommandOrControl+Shift+M', pushToTalkKey: null },
    ]);
  });
});
