import { ChatPanel } from './ChatPanel';
import { FilesPanel } from './FilesPanel';

/** The side panel of a call: chat above, files below. */
export function CollaborationPanel({ id }: { id: string }) {
  return (
    <aside id={id} className="collab" aria-label="Chat and files">
      <ChatPanel />
      <FilesPanel />
    </aside>
  );
}
