import { useText } from '../../i18n/useText';
import { ChatPanel } from './ChatPanel';
import { FilesPanel } from './FilesPanel';

/** The side panel of a call: chat above, files below. */
export function CollaborationPanel({ id }: { id: string }) {
  const t = useText();
  return (
    <aside id={id} className="collab" aria-label={t('collab.panel.label')}>
      <ChatPanel />
      <FilesPanel />
    </aside>
  );
}
