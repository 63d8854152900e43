import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithIntl } from '../../i18n/testing';
import { TrustPrompt } from './TrustPrompt';

afterEach(cleanup);

describe('TrustPrompt', () => {
  it('is announced as an alert dialog with the code, starts on the safe choice, and Escape cancels', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    renderWithIntl(<TrustPrompt code="3F9A-12C4-8B7E-0D11" onConfirm={onConfirm} onCancel={onCancel} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Is this the host you mean?' });
    expect(dialog.textContent).toContain('3F9A-12C4-8B7E-0D11');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));

    const user = userEvent.setup();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'The codes match — join' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
