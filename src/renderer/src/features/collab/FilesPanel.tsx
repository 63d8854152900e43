import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isActiveTransfer, type TransferInfo } from '../../call/fileTransfer';
import { useParley } from '../../store';

const STATUS_TEXT: Record<TransferInfo['status'], string> = {
  preparing: 'Preparing: reading the file',
  offered: 'Offered to you',
  waiting: 'Waiting for them to accept',
  transferring: 'Transferring',
  complete: 'Done, checked (SHA-256)',
  declined: 'Declined',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** Send a file to everyone or one person; every transfer with its progress, Accept/Decline, Cancel, Save. */
export function FilesPanel() {
  const s = useParley(
    useShallow((state) => ({
      peers: state.peers,
      transfers: state.transfers,
      sendFile: state.sendFile,
      acceptFile: state.acceptFile,
      declineFile: state.declineFile,
      cancelFile: state.cancelFile,
      saveReceivedFile: state.saveReceivedFile,
    })),
  );
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<string>('everyone');
  const fileInputId = useId();
  const targetId = useId();
  const transfers = Object.values(s.transfers);
  const nameOf = (peerId: string): string => s.peers[peerId]?.name ?? 'someone who left';

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!file) return;
    void s.sendFile(file, target);
    setFile(null);
    event.currentTarget.reset();
  };

  return (
    <section className="files" aria-label="Files">
      <form className="files__form" onSubmit={onSubmit}>
        <label htmlFor={fileInputId}>File to send</label>
        <input id={fileInputId} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <label htmlFor={targetId}>To</label>
        <select id={targetId} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="everyone">Everyone</option>
          {Object.values(s.peers).map((peer) => (
            <option key={peer.id} value={peer.id}>
              {peer.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small" disabled={!file}>
          Send file
        </button>
      </form>
      <ul className="files__list" aria-label="Transfers">
        {transfers.map((transfer) => {
          const who = transfer.direction === 'send' ? `to ${nameOf(transfer.peerId)}` : `from ${nameOf(transfer.peerId)}`;
          const percent = transfer.size === 0 ? (transfer.status === 'complete' ? 100 : 0) : Math.floor((transfer.bytes / transfer.size) * 100);
          const active = isActiveTransfer(transfer.status);
          return (
            <li key={transfer.id} className="files__transfer" aria-label={`${transfer.name} ${who}`}>
              <span>
                <strong>{transfer.name}</strong> ({formatBytes(transfer.size)}) {who}
              </span>
              <progress max={100} value={percent} aria-label={`Progress of ${transfer.name} ${who}`} />
              <span className="files__status" role="status">
                {STATUS_TEXT[transfer.status]}
                {transfer.status === 'transferring' ? ` ${percent}%` : ''}
                {transfer.detail ? ` — ${transfer.detail}` : ''}
              </span>
              <span className="files__actions">
                {transfer.status === 'offered' && (
                  <>
                    <button type="button" className="button button--small" onClick={() => s.acceptFile(transfer.id)}>
                      Accept
                    </button>
                    <button type="button" className="button button--small" onClick={() => s.declineFile(transfer.id)}>
                      Decline
                    </button>
                  </>
                )}
                {active && transfer.status !== 'offered' && (
                  <button type="button" className="button button--small" onClick={() => s.cancelFile(transfer.id)}>
                    Cancel
                  </button>
                )}
                {transfer.direction === 'receive' && transfer.status === 'complete' && (
                  <button type="button" className="button button--small" onClick={() => void s.saveReceivedFile(transfer.id)}>
                    Save
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
