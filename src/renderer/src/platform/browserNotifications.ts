/**
 * Notifications for a browser that joined from the host's page: the Notification API, asked for
 * once on the user's click (browsers refuse to ask without one), used only while the page is
 * hidden or not focused. A click brings the tab forward. Where the API is missing or refused,
 * nothing is shown and nothing fails.
 */
import type { DesktopNotification } from '../../../shared/ipc';

export function browserNotifier(win: Window): { notify(notification: DesktopNotification): Promise<boolean>; askToNotify(): void } {
  const api = (win as Window & { Notification?: typeof Notification }).Notification;
  return {
    notify: async ({ title, body, kind }) => {
      if (!api || api.permission !== 'granted') return false;
      if (win.document.visibilityState === 'visible' && win.document.hasFocus()) return false;
      // One per kind replaces the last (tag), so a busy chat does not pile up a column of them.
      const shown = new api(title, { body, tag: `parley-${kind}`, silent: true });
      shown.onclick = () => {
        win.focus();
        shown.close();
      };
      return true;
    },
    askToNotify: () => {
      if (api?.permission === 'default') void api.requestPermission().catch(() => undefined);
    },
  };
}
