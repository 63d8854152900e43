/**
 * The smaller Electron modules Parley's main process uses, with what a test sets or reads back:
 * screen sources, save dialogs, external links, OS media permissions, the application menu,
 * power-save blockers, the system theme. (Trays, shortcuts and notifications: desktop.ts.)
 */
import { EventEmitter } from 'node:events';
import { requireReady } from './readiness';

export interface StandInSource {
  id: string;
  name: string;
  display_id: string;
  thumbnail: { toDataURL(): string; isEmpty(): boolean };
  appIcon: null;
}

export const desktopCapturerState = {
  sources: [] as StandInSource[],
  failure: null as Error | null,
  calls: 0,
};

export const desktopCapturer = {
  async getSources(options: { types: string[] }): Promise<StandInSource[]> {
    if (!Array.isArray(options?.types) || options.types.length === 0) throw new Error('Invalid options: types must be a non-empty array');
    desktopCapturerState.calls += 1;
    if (desktopCapturerState.failure) throw desktopCapturerState.failure;
    return desktopCapturerState.sources.filter((source) => options.types.includes(source.id.split(':')[0]!));
  },
};

export function capturerSource(id: string, name: string): StandInSource {
  return { id, name, display_id: '', thumbnail: { toDataURL: () => `data:image/png;base64,${Buffer.from(id).toString('base64')}`, isEmpty: () => false }, appIcon: null };
}

export const dialogState = {
  saveAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  messageBoxes: [] as Record<string, unknown>[],
  errorBoxes: [] as { title: string; content: string }[],
};

export const dialog = {
  async showSaveDialog(..._args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    requireReady('dialog module can only be used after app is ready');
    return dialogState.saveAnswer;
  },
  async showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    const options = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
    dialogState.messageBoxes.push(options);
    return { response: 0, checkboxChecked: false };
  },
  showErrorBox(title: string, content: string): void {
    dialogState.errorBoxes.push({ title, content });
  },
};

export const shellState = { opened: [] as string[], openedPaths: [] as string[] };

export const shell = {
  async openExternal(url: string): Promise<void> {
    shellState.opened.push(url);
  },
  async openPath(path: string): Promise<string> {
    shellState.openedPaths.push(path);
    return '';
  },
};

export const systemPreferencesState = {
  mediaAccess: { camera: 'granted', microphone: 'granted', screen: 'granted' } as Record<string, string>,
  accessibilityTrusted: false,
  accessibilityPrompts: 0,
};

export const systemPreferences = {
  // docs/api/system-preferences.md: 'microphone' | 'camera' | 'screen'; macOS and Windows.
  getMediaAccessStatus(mediaType: string): string {
    if (!(mediaType in systemPreferencesState.mediaAccess)) throw new TypeError(`Invalid media type: ${mediaType}`);
    return systemPreferencesState.mediaAccess[mediaType]!;
  },
  /** docs/api/system-preferences.md (macOS): with `prompt`, the system asks the user to allow it. */
  isTrustedAccessibilityClient(prompt: boolean): boolean {
    if (typeof prompt !== 'boolean') throw new TypeError('Error processing argument at index 0, conversion failure');
    if (prompt) systemPreferencesState.accessibilityPrompts += 1;
    return systemPreferencesState.accessibilityTrusted;
  },
  async askForMediaAccess(mediaType: 'microphone' | 'camera'): Promise<boolean> {
    return systemPreferencesState.mediaAccess[mediaType] === 'granted';
  },
};

interface MenuTemplateItem {
  label?: string;
  role?: string;
  type?: string;
  submenu?: MenuTemplateItem[] | StandInMenu;
  [key: string]: unknown;
}

// lib/browser/api/menu-item-roles.ts: the submenus a role brings when the template gives none
// (Linux and Windows flavour). The View menu's is where Reload and the developer tools come from.
const DEFAULT_SUBMENUS: Record<string, MenuTemplateItem[]> = {
  appmenu: [{ role: 'about' }, { role: 'services' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { role: 'quit' }],
  filemenu: [{ role: 'quit' }],
  editmenu: [{ role: 'undo' }, { role: 'redo' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, { role: 'selectAll' }],
  viewmenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }],
  windowmenu: [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }],
};

export class StandInMenu {
  private static application: StandInMenu | null = null;
  private static wasSet = false;

  constructor(readonly items: MenuTemplateItem[] = []) {}

  /**
   * lib/browser/api/menu.ts and menu-item.ts: every item needs a label, a role or a type; roles
   * are lower-cased; a role's own submenu is used only when the template gives none.
   */
  static buildFromTemplate(template: MenuTemplateItem[]): StandInMenu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const items = template.map((given) => {
      if (typeof given !== 'object' || given === null || !(given.label || given.role || given.type)) {
        throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
      }
      const item = { ...given, ...(given.role ? { role: given.role.toLowerCase() } : {}) };
      const submenu = item.submenu ?? (item.role ? DEFAULT_SUBMENUS[item.role] : undefined);
      if (Array.isArray(submenu)) item.submenu = StandInMenu.buildFromTemplate(submenu);
      return item;
    });
    return new StandInMenu(items);
  }

  static setApplicationMenu(menu: StandInMenu | null): void {
    StandInMenu.application = menu;
    StandInMenu.wasSet = true;
  }

  static getApplicationMenu(): StandInMenu | null {
    return StandInMenu.application;
  }

  /** lib/browser/default-menu.ts: at launch, unless the app set a menu of its own. */
  static setDefaultApplicationMenu(): void {
    if (StandInMenu.wasSet) return;
    StandInMenu.application = StandInMenu.buildFromTemplate([{ role: 'fileMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }, { role: 'help' }]);
  }

  /** Every role anywhere in the menu, submenus included (lower-cased, as Electron keeps them). */
  roles(): string[] {
    return this.items.flatMap((item) => [...(item.role ? [item.role] : []), ...(item.submenu instanceof StandInMenu ? item.submenu.roles() : [])]);
  }

  /** Every label, submenus included, in order. */
  labels(): string[] {
    return this.items.flatMap((item) => [...(item.label ? [item.label] : []), ...(item.submenu instanceof StandInMenu ? item.submenu.labels() : [])]);
  }

  /** The item with this label, anywhere in the menu. */
  find(label: string): MenuTemplateItem | undefined {
    for (const item of this.items) {
      if (item.label === label) return item;
      const inner = item.submenu instanceof StandInMenu ? item.submenu.find(label) : undefined;
      if (inner) return inner;
    }
    return undefined;
  }
}

/** docs/api/power-save-blocker.md: start() gives an id; stop(id) releases it. */
export const powerSaveBlocker = {
  active: new Map<number, string>(),
  nextId: 0,
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number {
    if (type !== 'prevent-app-suspension' && type !== 'prevent-display-sleep') throw new TypeError('Invalid power save blocker type');
    const id = this.nextId++;
    this.active.set(id, type);
    return id;
  },
  stop(id: number): boolean {
    return this.active.delete(id);
  },
  isStarted(id: number): boolean {
    return this.active.has(id);
  },
};

/** docs/api/native-theme.md: the system's appearance, and the app's override of it. */
export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: true,
  themeSource: 'system' as 'system' | 'light' | 'dark',
});
