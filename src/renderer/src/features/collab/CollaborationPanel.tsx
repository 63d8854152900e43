import { ChatPanel } from './ChatPanel';
import { FilesPanel } from './FilesPanel';

/** The chat and files side panel's content: chat above, files below. */
export function CollaborationPanel() {
  return (
    <div className="collab">
      <ChatPanel />
      <FilesPanel />
    </div>
  );
}
