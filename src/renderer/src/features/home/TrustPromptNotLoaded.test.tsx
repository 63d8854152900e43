/**
 * When a dialog's code cannot be fetched (the page came from a host that has gone), the dialog is
 * still there with its title, says why, and can be closed: the page does not go blank.
 */
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithIntl } from '../../i18n/testing';
import { TrustPrompt } from './TrustPrompt';

vi.mock('../../ui/primitives/ModalDialog', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

afterEach(cleanup);

describe('a dialog whose code did not load', () => {
  it('keeps its title, says what went wrong, and closes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onCancel = vi.fn();
    renderWithIntl(<TrustPrompt code="3F9A-12C4-8B7E-0D11" onConfirm={vi.fn()} onCancel={onCancel} />);
    const dialog = await screen.findByRole('alertdialog', { name: 'Is this the host you mean?' });
    expect(dialog.textContent).toContain('Part of Parley could not be loaded');
    const close = screen.getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    await userEvent.setup().click(close);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
