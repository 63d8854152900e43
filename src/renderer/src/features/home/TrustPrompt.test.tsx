import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithIntl } from '../../i18n/testing';
import { TrustPrompt } from './TrustPrompt';

afterEach(cleanup);

describe('TrustPrompt', () => {
  it('is not there without a code', () => {
    renderWithIntl(<TrustPrompt code={null} onConfirm={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('is announced as an alert dialog with the code, starts on the safe choice, and Escape cancels', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    renderWithIntl(
      <>
        <button type="button">Behind the dialog</button>
        <TrustPrompt code="3F9A-12C4-8B7E-0D11" onConfirm={onConfirm} onCancel={onCancel} />
      </>,
    );
    // The dialog's code is its own chunk (features/ui/Modal.tsx): it appears once that has loaded.
    const dialog = await screen.findByRole('alertdialog', { name: 'Is this the host you mean?' });
    expect(dialog.textContent).toContain('3F9A-12C4-8B7E-0D11');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));

    const user = userEvent.setup();
    // Focus stays inside: Tab and Shift+Tab go round the dialog's own buttons, never behind it.
    for (const key of ['{Tab}', '{Tab}', '{Tab}', '{Shift>}{Tab}{/Shift}']) {
      await user.keyboard(key);
      expect(dialog.contains(document.activeElement), key).toBe(true);
    }
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'The codes match — join' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
