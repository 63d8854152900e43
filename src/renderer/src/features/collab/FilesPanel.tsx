import { useId, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isActiveTransfer, type TransferInfo } from '../../call/fileTransfer';
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import { useFormat } from '../../i18n/format';
import { useMessageText, useRichText, useText } from '../../i18n/useText';
import { useParley } from '../../store';

const STATUS_TEXT: Record<TransferInfo['status'], MessageKey> = {
  preparing: 'collab.files.status.preparing',
  offered: 'collab.files.status.offered',
  waiting: 'collab.files.status.waiting',
  transferring: 'collab.files.status.transferring',
  complete: 'collab.files.status.complete',
  declined: 'collab.files.status.declined',
  cancelled: 'collab.files.status.cancelled',
  failed: 'collab.files.status.failed',
};

/** A transfer named by its file and the other side, whichever way it goes. */
const NAMED: Record<TransferInfo['direction'], { name: MessageKey; item: MessageKey; progress: MessageKey }> = {
  send: { name: 'collab.files.nameTo', item: 'collab.files.itemTo', progress: 'collab.files.progressTo' },
  receive: { name: 'collab.files.nameFrom', item: 'collab.files.itemFrom', progress: 'collab.files.progressFrom' },
};

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
  const t = useText();
  const rich = useRichText();
  const messageText = useMessageText();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<string>('everyone');
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const targetId = useId();
  const transfers = Object.values(s.transfers);
  const nameOf = (peerId: string): string => s.peers[peerId]?.name ?? t('collab.files.someoneWhoLeft');

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!file) return;
    void s.sendFile(file, target);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
    event.currentTarget.reset();
  };

  return (
    <section className="files" aria-label={t('collab.files.label')}>
      <form className="files__form" onSubmit={onSubmit}>
        <label htmlFor={fileInputId}>{t('collab.files.file')}</label>
        {/* The browser's own file button speaks the browser's language and style: ours stands in
            for it, and the input (still the labelled control, keyboard and tests included) hides. */}
        <div className="files__pick">
          <input id={fileInputId} ref={fileInput} type="file" className="files__input" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <button type="button" className="button button--small" aria-hidden="true" tabIndex={-1} onClick={() => fileInput.current?.click()}>
            {t('collab.files.choose')}
          </button>
          <span className="files__chosen">{file ? file.name : t('collab.files.noneChosen')}</span>
        </div>
        <label htmlFor={targetId}>{t('collab.files.to')}</label>
        <select id={targetId} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="everyone">{t('collab.files.everyone')}</option>
          {Object.values(s.peers).map((peer) => (
            <option key={peer.id} value={peer.id}>
              {peer.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small" disabled={!file}>
          {t('collab.files.send')}
        </button>
      </form>
      <ul className="files__list" aria-label={t('collab.files.transfers')}>
        {transfers.map((transfer) => {
          const named = NAMED[transfer.direction];
          const who = { file: transfer.name, name: nameOf(transfer.peerId) };
          const percent = transfer.size === 0 ? (transfer.status === 'complete' ? 100 : 0) : Math.floor((transfer.bytes / transfer.size) * 100);
          const active = isActiveTransfer(transfer.status);
          const status = t(STATUS_TEXT[transfer.status], { percent: format.number(percent / 100, { style: 'percent' }) });
          return (
            <li key={transfer.id} className="files__transfer" aria-label={t(named.name, who)}>
              <span>{rich(named.item, { ...who, size: format.bytes(transfer.size), b: (chunks) => <strong>{chunks}</strong> })}</span>
              <progress max={100} value={percent} aria-label={t(named.progress, who)} />
              <span className="files__status" role="status">
                {transfer.detail ? t('collab.files.statusWithDetail', { status, detail: messageText(transfer.detail) }) : status}
              </span>
              <span className="files__actions">
                {transfer.status === 'offered' && (
                  <>
                    <button type="button" className="button button--small" onClick={() => s.acceptFile(transfer.id)}>
                      {t('collab.files.accept')}
                    </button>
                    <button type="button" className="button button--small" onClick={() => s.declineFile(transfer.id)}>
                      {t('collab.files.decline')}
                    </button>
                  </>
                )}
                {active && transfer.status !== 'offered' && (
                  <button type="button" className="button button--small" onClick={() => s.cancelFile(transfer.id)}>
                    {t('common.cancel')}
                  </button>
                )}
                {transfer.direction === 'receive' && transfer.status === 'complete' && (
                  <button type="button" className="button button--small" onClick={() => void s.saveReceivedFile(transfer.id)}>
                    {t('collab.files.save')}
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
