import './noEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/I18nProvider';
import { platform } from './platform';
import { useParley } from './store';
import { reportCallStateToDesktop } from './store/desktopCallState';
import { followDesktopCommands } from './store/desktopCommands';
import { reportPreferencesToDesktop } from './store/desktopPreferences';
import './styles.css';

// A browser that opened the host's page joins that host: its address beats a remembered one.
const { suggestion } = platform();
if (suggestion.hostAddress) useParley.getState().setHostAddress(suggestion.hostAddress);
if (suggestion.room) useParley.getState().setRoom(suggestion.room);
// An organiser link: its key is kept for the join and taken out of the address bar at once, so a
// copied address or a shared screen does not pass it on.
if (suggestion.hostKey) {
  useParley.getState().setOrganiserKey(suggestion.hostKey);
  history.replaceState(null, '', location.pathname + location.search);
}
// The desktop app's main process follows the call (display kept awake while it lasts).
reportCallStateToDesktop(useParley);
// …and its menus and window follow the language and appearance chosen here.
reportPreferencesToDesktop(useParley);
// The tray, the global mute shortcut and notifications act on the call through the same actions as the buttons.
followDesktopCommands(useParley);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
