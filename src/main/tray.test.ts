import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IDLE_CALL, IPC_COMMAND_EVENT, type CallState } from '../shared/ipc';
import { CallPresence } from './callPresence';
import { createCommandSender } from './desktopCommands';
import { createMainText } from './i18n';
import { Menu, nativeImage, standIn, Tray } from './testing/electron';
import { CallTray } from './tray';
import { createTrayIcons, drawTrayIcon, trayIconState, type TrayIconState } from './trayIcons';

const inCall: CallState = { inCall: true, room: 'team', microphoneOn: true, cameraOn: true, participants: 3, unread: 0 };

function setup({ hosting = false } = {}) {
  const window = new standIn.Window();
  window.webContents.navigateTo('file:///app/out/renderer/index.html');
  const showWindow = vi.fn();
  const quit = vi.fn();
  const stopHosting = vi.fn(async () => undefined);
  let text = createMainText(['en']);
  const tray = new CallTray({
    Tray: Tray as never,
    Menu: Menu as never,
    icon: createTrayIcons((buffer, options) => nativeImage.createFromBitmap(buffer, options) as never),
    text: () => text,
    send: createCommandSender(() => window as never),
    hosting: () => ({ running: hosting, room: hosting ? 'team' : null }),
    showWindow,
    stopHosting,
    quit,
  });
  const commands = () => window.webContents.sent.filter((sent) => sent.channel === IPC_COMMAND_EVENT).map((sent) => sent.args[0]);
  return { tray, window, showWindow, quit, stopHosting, commands, speak: (locale: string) => (text = createMainText([locale])) };
}

afterEach(() => {
  for (const tray of standIn.trays) tray.destroy();
  standIn.Window.reset();
});

describe('before ready', () => {
  it('there is no tray, as in Electron', () => {
    expect(() => setup().tray.show(IDLE_CALL)).toThrow('Cannot create');
    expect(() => new Tray(nativeImage.createEmpty())).toThrow('Cannot create Tray before app is ready');
  });
});

describe('the tray', () => {
  beforeAll(() => standIn.app.finishLaunching());

  it('shows the idle state with every item, acting only where it can', async () => {
    const { tray } = setup();
    tray.show(IDLE_CALL);
    const shown = standIn.tray();
    expect(shown.toolTip).toBe('Parley · Not in a call');
    expect(shown.menu!.labels()).toEqual(['Not in a call', 'Show Parley', 'Mute', 'Turn Camera Off', 'Leave Call', 'Stop Hosting', 'Quit Parley']);
    for (const label of ['Mute', 'Leave Call', 'Stop Hosting']) expect(shown.menu!.find(label)!['enabled']).toBe(false);
  });

  it('follows the call the page reports: muted or not, the camera, the room and the people', () => {
    const { tray, commands } = setup();
    const presence = new CallPresence({ powerSaveBlocker: standIn.powerSaveBlocker });
    presence.onChange((state) => tray.show(state));
    presence.update(inCall);
    const shown = standIn.tray();
    expect(shown.toolTip).toBe('Parley · In a call in team · 3 people');
    const live = (shown.image as { toBitmap(): Buffer }).toBitmap();

    shown.choose('Mute');
    expect(commands()).toEqual(['mute']);
    presence.update({ ...inCall, microphoneOn: false, cameraOn: false });
    expect(shown.toolTip).toBe('Parley · In a call in team · 3 people · muted');
    expect((shown.image as { toBitmap(): Buffer }).toBitmap().equals(live)).toBe(false); // the icon changed
    shown.choose('Unmute');
    shown.choose('Turn Camera On');
    shown.choose('Leave Call');
    expect(commands()).toEqual(['mute', 'unmute', 'camera-on', 'leave']);
    expect(standIn.trays.filter((made) => !made.isDestroyed())).toHaveLength(1); // updated, not remade
  });

  it('while hosting: says so, and Stop hosting asks the page (or stops the server when there is no page)', () => {
    const { tray, window, commands, stopHosting } = setup({ hosting: true });
    tray.show(inCall);
    const shown = standIn.tray();
    expect(shown.toolTip).toBe('Parley · Hosting team · 3 people');
    shown.choose('Stop Hosting');
    expect(commands()).toEqual(['stop-hosting']);
    expect(stopHosting).not.toHaveBeenCalled();
    window.destroy();
    shown.choose('Stop Hosting');
    expect(stopHosting).toHaveBeenCalledTimes(1);
  });

  it('Show Parley, a click on the icon and Quit do what they say', () => {
    const { tray, showWindow, quit } = setup();
    tray.show(IDLE_CALL);
    standIn.tray().choose('Show Parley');
    standIn.tray().emit('click');
    standIn.tray().choose('Quit Parley');
    expect(showWindow).toHaveBeenCalledTimes(2);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('speaks the language chosen in the page', () => {
    const { tray, speak } = setup();
    tray.show(inCall);
    speak('zh-CN');
    tray.refresh();
    expect(standIn.tray().menu!.labels()).toContain('静音');
    expect(standIn.tray().toolTip).toBe('Parley · 正在 team 通话 · 3 人');
  });

  it('a destroyed tray throws, as Electron does, and a new show makes another', () => {
    const { tray } = setup();
    tray.show(IDLE_CALL);
    const first = standIn.tray();
    tray.destroy();
    expect(() => first.setToolTip('x')).toThrow('Tray is destroyed');
    tray.show(IDLE_CALL);
    expect(standIn.tray()).not.toBe(first);
  });
});

describe('tray icons', () => {
  it('draws a different 32 px image for each state', () => {
    const states: TrayIconState[] = ['idle', 'live', 'muted', 'hosting-idle', 'hosting-live', 'hosting-muted'];
    const drawn = states.map((state) => drawTrayIcon(state).toString('base64'));
    expect(new Set(drawn).size).toBe(states.length);
    expect(drawTrayIcon('live')).toHaveLength(32 * 32 * 4);
    expect(trayIconState({ inCall: true, microphoneOn: false }, true)).toBe('hosting-muted');
  });
});
