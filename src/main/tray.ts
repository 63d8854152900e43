/**
 * The tray icon: the call at a glance (idle, in a call, muted, hosting: the icon changes; the
 * tooltip and the menu's first line say the room and how many people), and a menu that acts on
 * the page's real call: Show Parley, Mute/Unmute, Camera off/on, Leave call, Stop hosting, Quit.
 * It is rebuilt on every change, which Linux needs anyway (docs/api/tray.md: a changed menu must
 * be set again).
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { CallState } from '../shared/ipc';
import type { CommandSender } from './desktopCommands';
import type { MainText } from './i18n';
import { trayIconState, type TrayIconState } from './trayIcons';

export interface TrayDeps {
  Tray: new (image: NativeImage) => Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'destroy' | 'isDestroyed' | 'on'>;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu };
  icon: (state: TrayIconState) => NativeImage;
  text: () => MainText;
  send: CommandSender;
  /** Whether this app hosts a room now, and which. */
  hosting: () => { running: boolean; room: string | null };
  showWindow: () => void;
  /** Stops hosting when there is no page to leave the call (it crashed): main stops the server itself. */
  stopHosting: () => Promise<unknown>;
  quit: () => void;
}

export class CallTray {
  private tray: InstanceType<TrayDeps['Tray']> | null = null;
  private call: CallState | null = null;

  constructor(private readonly deps: TrayDeps) {}

  /** Shows (or updates) the tray for this call state. Call after `ready`. */
  show(call: CallState): void {
    this.call = call;
    const { running, room: hostedRoom } = this.deps.hosting();
    const state = trayIconState(call, running);
    if (!this.tray || this.tray.isDestroyed()) {
      this.tray = new this.deps.Tray(this.deps.icon(state));
      // Windows and most Linux trays: a click on the icon is how people expect to get the window back.
      this.tray.on('click', () => this.deps.showWindow());
    } else {
      this.tray.setImage(this.deps.icon(state));
    }
    const summary = this.summary(call, running, hostedRoom);
    this.tray.setToolTip(`Parley · ${summary}`);
    this.tray.setContextMenu(this.deps.Menu.buildFromTemplate(this.menu(call, running, summary)));
  }

  /** The words changed language: the same state, said again. */
  refresh(): void {
    if (this.call) this.show(this.call);
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
  }

  private summary(call: CallState, hosting: boolean, hostedRoom: string | null): string {
    const t = this.deps.text();
    const people = t('main.tray.people', { count: call.participants });
    if (hosting) return t('main.tray.hosting', { room: hostedRoom ?? call.room ?? '', people: call.inCall ? people : t('main.tray.people', { count: 0 }) });
    if (!call.inCall) return t('main.tray.idle');
    return t(call.microphoneOn ? 'main.tray.inCall' : 'main.tray.inCallMuted', { room: call.room ?? '', people });
  }

  private menu(call: CallState, hosting: boolean, summary: string): MenuItemConstructorOptions[] {
    const t = this.deps.text();
    const { send } = this.deps;
    // Not in a call: the items read as they will once one starts (and stay disabled).
    const microphoneOn = !call.inCall || call.microphoneOn;
    const cameraOn = !call.inCall || call.cameraOn;
    return [
      { label: summary, enabled: false },
      { type: 'separator' },
      { label: t('main.tray.show'), click: () => this.deps.showWindow() },
      { type: 'separator' },
      { label: microphoneOn ? t('main.tray.mute') : t('main.tray.unmute'), enabled: call.inCall, click: () => send(microphoneOn ? 'mute' : 'unmute') },
      { label: cameraOn ? t('main.tray.cameraOff') : t('main.tray.cameraOn'), enabled: call.inCall, click: () => send(cameraOn ? 'camera-off' : 'camera-on') },
      { label: t('main.tray.leave'), enabled: call.inCall, click: () => send('leave') },
      {
        label: t('main.tray.stopHosting'),
        enabled: hosting,
        // The page leaves its call and stops the room (everyone is told); without a page, main stops it.
        click: () => {
          if (!send('stop-hosting')) void this.deps.stopHosting();
        },
      },
      { type: 'separator' },
      { label: t('main.tray.quit'), click: () => this.deps.quit() },
    ];
  }
}
