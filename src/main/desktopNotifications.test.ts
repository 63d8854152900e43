import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_COMMAND_EVENT } from '../shared/ipc';
import { createCommandSender } from './desktopCommands';
import { DesktopNotifications } from './desktopNotifications';
import { app, Notification, standIn } from './testing/electron';

beforeAll(() => standIn.app.finishLaunching());

function setup() {
  const window = new standIn.Window();
  const showWindow = vi.fn(() => window.show());
  const notifications = new DesktopNotifications({ Notification: Notification as never, app: app as never, window: () => window as never, showWindow, send: createCommandSender(() => window as never) });
  const commands = () => window.webContents.sent.filter((sent) => sent.channel === IPC_COMMAND_EVENT).map((sent) => sent.args[0]);
  return { window, notifications, showWindow, commands };
}

describe('desktop notifications', () => {
  it('are shown only while the window is not in front, silently (Parley plays its own sounds)', () => {
    const { window, notifications } = setup();
    const before = standIn.notifications.shown.length;
    window.focus();
    expect(notifications.show({ kind: 'joined', title: 'Ada joined', body: 'team' })).toBe(false);
    window.blur();
    expect(notifications.show({ kind: 'joined', title: 'Ada joined', body: 'team' })).toBe(true);
    const shown = standIn.notifications.shown.slice(before);
    expect(shown.map((made) => made.options)).toEqual([{ title: 'Ada joined', body: 'team', silent: true }]);
  });

  it('a click brings the window forward on the right panel', () => {
    const { window, notifications, showWindow, commands } = setup();
    window.blur();
    notifications.show({ kind: 'message', title: 'Ada', body: 'Shall we start?' });
    notifications.show({ kind: 'left', title: 'Linus left', body: 'team' });
    const [message, left] = standIn.notifications.shown.slice(-2);
    message!.click();
    left!.click();
    expect(showWindow).toHaveBeenCalledTimes(2);
    expect(commands()).toEqual(['open-chat', 'open-people']);
  });

  it('are kept until clicked or closed, so their click is not lost to the garbage collector', () => {
    const { window, notifications } = setup();
    window.blur();
    const pending = notifications.pending();
    notifications.show({ kind: 'file', title: 'Ada offers a file', body: 'plan.pdf' });
    expect(notifications.pending()).toBe(pending + 1);
    standIn.notifications.shown.at(-1)!.close();
    expect(notifications.pending()).toBe(pending);
  });

  it('a message flashes the taskbar until the window is focused', () => {
    const { window, notifications } = setup();
    window.blur();
    notifications.show({ kind: 'message', title: 'Ada', body: 'hi' });
    expect(window.flashing).toBe(true);
    window.focus();
    expect(window.flashing).toBe(false);
  });

  it('the unread count goes to the badge (Dock, taskbar overlay, Linux launcher), and 0 clears it', () => {
    const { notifications } = setup();
    notifications.setUnread(3);
    expect(app.getBadgeCount()).toBe(3);
    notifications.setUnread(0);
    expect(app.getBadgeCount()).toBe(0);
  });

  it('where the system has no notifications, nothing is shown and nothing throws', () => {
    const { window, notifications } = setup();
    window.blur();
    standIn.notifications.supported = false;
    expect(notifications.show({ kind: 'joined', title: 'Ada joined', body: 'team' })).toBe(false);
    standIn.notifications.supported = true;
  });
});
