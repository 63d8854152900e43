import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWithIntl } from '../../i18n/testing';
import { setPlatform } from '../../platform';
import { testPlatform } from '../../platform/testing';
import { useParley } from '../../store';
import { DesktopSettings } from './DesktopSettings';

const shortcut = {
  status: async () => ({ ok: true as const, data: { accelerator: 'CommandOrControl+Shift+M', state: 'waiting' as const } }),
  pushToTalk: async () => ({ ok: true as const, data: { key: null, state: 'off' as const } }),
  onChanged: () => () => undefined,
};

beforeEach(() => setPlatform({ ...testPlatform(), kind: 'desktop', shortcut }));
afterEach(cleanup);

describe('desktop settings: keys chosen by pressing them', () => {
  it('records a global mute shortcut, refuses one without a modifier, and Escape gives up', async () => {
    const user = userEvent.setup();
    renderWithIntl(<DesktopSettings />);
    const record = screen.getByRole('button', { name: 'Mute from any program' });
    await user.click(record);
    expect(record.getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('m');
    expect(screen.getByText(/Add Ctrl, Alt or ⌘/)).toBeTruthy();
    expect(record.getAttribute('aria-pressed')).toBe('true'); // still listening
    await user.keyboard('{Control>}{Alt>}k{/Alt}{/Control}');
    expect(useParley.getState().desktop.globalMuteShortcut).toBe('CommandOrControl+Alt+K');
    expect(record.getAttribute('aria-pressed')).toBe('false');
    await user.click(record);
    await user.keyboard('{Escape}');
    expect(record.getAttribute('aria-pressed')).toBe('false');
    expect(useParley.getState().desktop.globalMuteShortcut).toBe('CommandOrControl+Alt+K');
  });

  it('records a push-to-talk key, and turns it off again', async () => {
    const user = userEvent.setup();
    renderWithIntl(<DesktopSettings />);
    await user.click(screen.getByRole('button', { name: 'Use F9' }));
    expect(useParley.getState().desktop.pushToTalkKey).toBe('F9');
    await user.click(screen.getByRole('button', { name: 'Hold a key to talk from any program' }));
    await user.keyboard('[Backquote]');
    expect(useParley.getState().desktop.pushToTalkKey).toBe('Backquote');
    await user.click(screen.getAllByRole('button', { name: 'Turn off' }).at(-1)!);
    expect(useParley.getState().desktop.pushToTalkKey).toBeNull();
  });
});
