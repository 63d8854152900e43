import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TransferInfo } from '../../call/fileTransfer';
import { useParley } from '../../store';
import { FilesPanel, formatBytes } from './FilesPanel';

const initialState = useParley.getState();
const offered: TransferInfo = { id: 't1', peerId: 'p1', direction: 'receive', name: 'minutes.pdf', size: 5 * 1024 * 1024, mime: 'application/pdf', bytes: 0, status: 'offered' };

beforeEach(() => {
  useParley.setState(initialState, true);
  useParley.setState({
    peers: { p1: { id: 'p1', name: 'Grace', stream: null, connection: 'connected', mediaState: null, screen: null } },
    transfers: { t1: offered },
  });
});
afterEach(cleanup);

describe('FilesPanel', () => {
  it('shows an offer with its size before anything moves, and its actions by name', async () => {
    const acceptFile = vi.fn();
    useParley.setState({ acceptFile });
    render(<FilesPanel />);
    const item = screen.getByRole('listitem', { name: 'minutes.pdf from Grace' });
    expect(item.textContent).toContain('5.0 MB');
    expect(within(item).getByRole('status').textContent).toBe('Offered to you');
    expect(within(item).getByRole('progressbar', { name: 'Progress of minutes.pdf from Grace' })).toBeTruthy();
    await userEvent.setup().click(within(item).getByRole('button', { name: 'Accept' }));
    expect(acceptFile).toHaveBeenCalledWith('t1');
  });

  it('offers Save only for a complete, checked file, and Cancel only while it moves', () => {
    useParley.setState({ transfers: { t1: { ...offered, status: 'transferring', bytes: 1024 * 1024 } } });
    const { rerender } = render(<FilesPanel />);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Transferring 20%');
    useParley.setState({ transfers: { t1: { ...offered, status: 'complete', bytes: offered.size } } });
    rerender(<FilesPanel />);
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('writes sizes people read', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(5 * 1024 ** 2), formatBytes(3 * 1024 ** 3)]).toEqual(['512 B', '2.0 KB', '5.0 MB', '3.00 GB']);
  });
});
