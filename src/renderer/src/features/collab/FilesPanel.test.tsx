import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TransferInfo } from '../../call/fileTransfer';
import { formatBytes } from '../../i18n/format';
import { renderWithIntl } from '../../i18n/testing';
import { useParley } from '../../store';
import { FilesPanel } from './FilesPanel';

const initialState = useParley.getState();
const offered: TransferInfo = { id: 't1', peerId: 'p1', direction: 'receive', name: 'minutes.pdf', size: 5 * 1024 * 1024, mime: 'application/pdf', bytes: 0, status: 'offered' };

beforeEach(() => {
  useParley.setState(initialState, true);
  useParley.setState({
    peers: { p1: { id: 'p1', isHost: false, name: 'Grace', stream: null, connection: 'connected', mediaState: null, screen: null, pathProblem: null } },
    transfers: { t1: offered },
  });
});
afterEach(cleanup);

describe('FilesPanel', () => {
  it('shows an offer with its size before anything moves, and its actions by name', async () => {
    const acceptFile = vi.fn();
    useParley.setState({ acceptFile });
    renderWithIntl(<FilesPanel />);
    const item = screen.getByRole('listitem', { name: 'minutes.pdf from Grace' });
    expect(item.textContent).toContain('5.0 MB');
    expect(within(item).getByRole('status').textContent).toBe('Offered to you');
    expect(within(item).getByRole('progressbar', { name: 'Progress of minutes.pdf from Grace' })).toBeTruthy();
    await userEvent.setup().click(within(item).getByRole('button', { name: 'Accept' }));
    expect(acceptFile).toHaveBeenCalledWith('t1');
  });

  it('offers Save only for a complete, checked file, and Cancel only while it moves', () => {
    useParley.setState({ transfers: { t1: { ...offered, status: 'transferring', bytes: 1024 * 1024 } } });
    const { rerender } = renderWithIntl(<FilesPanel />);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Transferring 20%');
    useParley.setState({ transfers: { t1: { ...offered, status: 'complete', bytes: offered.size } } });
    rerender(<FilesPanel />);
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('writes sizes people read, in binary multiples with a fixed number of decimals', () => {
    const sizes = [512, 2048, 5 * 1024 ** 2, 3 * 1024 ** 3];
    expect(sizes.map((bytes) => formatBytes('en', bytes))).toEqual(['512 bytes', '2.0 kB', '5.0 MB', '3.00 GB']);
  });

  it('says why a transfer stopped, after its status', () => {
    useParley.setState({ transfers: { t1: { ...offered, status: 'cancelled', detail: { key: 'collab.transfer.theyCancelled' } } } });
    renderWithIntl(<FilesPanel />);
    expect(screen.getByRole('status').textContent).toBe('Cancelled — They cancelled it');
  });
});
