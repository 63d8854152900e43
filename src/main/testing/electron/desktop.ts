/**
 * The stand-in's desktop pieces, as Electron 45 has them: Tray (shell/browser/api/electron_api_tray.cc),
 * globalShortcut (electron_api_global_shortcut.cc), Notification (electron_api_notification.cc) and
 * nativeImage. None of the first three exists before `ready`; a destroyed tray throws; an accelerator
 * Electron cannot parse is a TypeError from gin's argument conversion; a shortcut another program
 * holds is not registered (register answers false); a notification nobody keeps a reference to can
 * be collected, and its click is then lost (docs/api/notification.md), so tests can collect them.
 */
import { EventEmitter } from 'node:events';
import { parseAccelerator } from '../../../shared/accelerator';
import { requireReady } from './readiness';
import { StandInMenu } from './system';

export class StandInImage {
  constructor(
    readonly description: { path?: string; bitmap?: Buffer; width?: number; height?: number; scaleFactor?: number },
  ) {}
  isEmpty(): boolean {
    return !this.description.path && !this.description.bitmap?.length;
  }
  getSize(): { width: number; height: number } {
    return { width: this.description.width ?? 0, height: this.description.height ?? 0 };
  }
  toBitmap(): Buffer {
    return this.description.bitmap ?? Buffer.alloc(0);
  }
  toDataURL(): string {
    return `data:image/png;base64,${this.toBitmap().toString('base64')}`;
  }
  templateImage = false;
  setTemplateImage(value: boolean): void {
    this.templateImage = value;
  }
}

export const nativeImage = {
  createEmpty: () => new StandInImage({}),
  createFromPath: (path: string) => new StandInImage({ path }),
  /** docs/api/native-image.md: the buffer holds width × height × 4 bytes (BGRA, or RGBA where the platform says). */
  createFromBitmap(buffer: Buffer, options: { width: number; height: number; scaleFactor?: number }): StandInImage {
    if (!Buffer.isBuffer(buffer)) throw new TypeError('buffer must be a node Buffer');
    if (!(options?.width > 0 && options.height > 0)) throw new Error('width and height must be > 0');
    if (buffer.length < options.width * options.height * 4) throw new Error('Buffer size too small');
    return new StandInImage({ bitmap: buffer, ...options });
  },
};

function requireImage(image: unknown): void {
  if (!(image instanceof StandInImage) && typeof image !== 'string') throw new TypeError('Error processing argument at index 0, conversion failure from ' + String(image));
}

/** Every tray made, newest last (a test reads the one the app shows). */
export const trays: StandInTray[] = [];

export class StandInTray extends EventEmitter {
  image: unknown;
  toolTip = '';
  title = '';
  menu: StandInMenu | null = null;
  private destroyed = false;

  constructor(image: unknown) {
    super();
    requireReady('Cannot create Tray before app is ready');
    requireImage(image);
    this.image = image;
    trays.push(this);
  }

  // electron_api_tray.cc, CheckAlive(): every method on a destroyed tray throws.
  private alive(): void {
    if (this.destroyed) throw new Error('Tray is destroyed');
  }

  setImage(image: unknown): void {
    this.alive();
    requireImage(image);
    this.image = image;
  }
  setToolTip(toolTip: string): void {
    this.alive();
    this.toolTip = toolTip;
  }
  /** macOS shows it beside the icon; elsewhere it is kept and not shown. */
  setTitle(title: string): void {
    this.alive();
    this.title = title;
  }
  setContextMenu(menu: StandInMenu | null): void {
    this.alive();
    if (menu !== null && !(menu instanceof StandInMenu)) throw new TypeError('Must pass Menu or null');
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
    this.menu = null;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Test control: the user picks the menu item with this label (its click runs, as Electron calls it). */
  choose(label: string): void {
    const item = this.menu?.find(label);
    if (!item) throw new Error(`the tray menu has no "${label}" (it has: ${this.menu?.labels().join(', ') ?? 'no menu'})`);
    if (item['enabled'] === false) throw new Error(`"${label}" is disabled`);
    (item['click'] as (() => void) | undefined)?.();
  }
}

export const globalShortcut = {
  registered: new Map<string, () => void>(),
  /** Accelerators another program holds: registering them fails, as the OS refuses the grab. */
  heldElsewhere: new Set<string>(),
  register(accelerator: string, callback: () => void): boolean {
    requireReady('globalShortcut cannot be used before the app is ready');
    const parsed = toAccelerator(accelerator);
    if (this.heldElsewhere.has(parsed) || this.registered.has(parsed)) return false;
    this.registered.set(parsed, callback);
    return true;
  },
  unregister(accelerator: string): void {
    requireReady('globalShortcut cannot be used before the app is ready');
    this.registered.delete(toAccelerator(accelerator));
  },
  unregisterAll(): void {
    this.registered.clear();
  },
  isRegistered(accelerator: string): boolean {
    return this.registered.has(toAccelerator(accelerator));
  },
  /** Test control: the user presses the shortcut, wherever the focus is. */
  press(accelerator: string): void {
    const callback = this.registered.get(toAccelerator(accelerator));
    if (!callback) throw new Error(`${accelerator} is not registered`);
    callback();
  },
};

/** gin's argument conversion (accelerator_converter.cc) throws a TypeError for what it cannot parse. */
function toAccelerator(accelerator: unknown): string {
  // Parley's own rule (a modifier is required) is stricter than Electron's; the stand-in keeps Electron's.
  const parsed = typeof accelerator === 'string' ? parseAccelerator(accelerator) : null;
  if (parsed?.ok) return parsed.accelerator;
  if (parsed && !parsed.ok && parsed.reason === 'no-modifier') return accelerator as string;
  throw new TypeError(`Error processing argument at index 0, conversion failure from ${String(accelerator)}`);
}

export const notificationState = {
  supported: true,
  /** Every notification shown, in order. */
  shown: [] as StandInNotification[],
};

export class StandInNotification extends EventEmitter {
  static isSupported(): boolean {
    return notificationState.supported;
  }

  readonly options: { title?: string; body?: string; silent?: boolean; [key: string]: unknown };
  collected = false;

  constructor(options: StandInNotification['options'] = {}) {
    super();
    requireReady('Cannot create Notification before app is ready');
    this.options = options;
  }

  show(): void {
    notificationState.shown.push(this);
    this.emit('show', { preventDefault: () => undefined });
  }

  close(): void {
    this.emit('close', { preventDefault: () => undefined });
  }

  /** Test control: the user clicks it, unless it was collected (then Electron has nothing to call). */
  click(): void {
    if (this.collected) return;
    this.emit('click', { preventDefault: () => undefined });
  }
}
