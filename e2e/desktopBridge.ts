/**
 * The desktop app's `window.parley`, for a page in plain Chromium: Electron cannot run here, so the
 * bridge's functions are bound to the real main-process services (HostService, TrustService) in
 * this test process. Only the IPC transport is replaced; what main does is the real code.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { CallPresence } from '../src/main/callPresence';
import type { RoomFinder } from '../src/main/discovery/roomFinder';
import { InviteInbox } from '../src/main/invites';
import type { CallState, DesktopCommand, DesktopNotification, GlobalShortcutStatus, HostingStartRequest, TrustCheckRequest } from '../src/shared/ipc';
import type { HostService } from '../src/main/hosting';
import type { TrustService } from '../src/main/trust/trustService';

function installDesktopBridge(): void {
  type Binding = (...args: unknown[]) => Promise<unknown>;
  const call = (name: string) => (...args: unknown[]) => (window as unknown as Record<string, Binding>)[name]!(...args);
  /** Main's nudges: the test calls every listener registered under this name (see nudge below). */
  const subscribe = (name: string) => (listener: () => void) => {
    const w = window as unknown as Record<string, (() => void)[] | undefined>;
    (w[name] ??= []).push(listener);
    return () => undefined;
  };
  (window as unknown as { parley: unknown }).parley = {
    platform: 'linux',
    hosting: { start: call('__hostingStart'), stop: call('__hostingStop'), status: call('__hostingStatus') },
    trust: { check: call('__trustCheck'), accept: call('__trustAccept') },
    discovery: { list: call('__discoveryList'), onChanged: subscribe('__parleyDiscoveryListeners') },
    invites: { take: call('__invitesTake'), onReceived: subscribe('__parleyInviteListeners') },
    call: {
      reportState: call('__callState'),
      onCommand: (listener: (command: string) => void) => {
        const w = window as unknown as { __parleyCommandListeners?: ((command: string) => void)[] };
        (w.__parleyCommandListeners ??= []).push(listener);
        return () => undefined;
      },
    },
    notifications: { show: call('__notify') },
    shortcut: { status: call('__shortcutStatus'), pushToTalk: call('__pushToTalkStatus'), onChanged: subscribe('__parleyShortcutListeners') },
    window: { show: call('__showWindow') },
  };
}

/** What main's command sender does (tray, global shortcut, notification click): the page's listeners get it. */
export function sendCommand(page: Page, command: DesktopCommand): Promise<void> {
  return page.evaluate((given) => {
    for (const listener of (window as unknown as { __parleyCommandListeners?: ((command: string) => void)[] }).__parleyCommandListeners ?? []) listener(given);
  }, command);
}

/** What main does when the system opens an invite link: keep it in the inbox and nudge the page. */
export async function deliverInvite(page: Page, inbox: InviteInbox, link: string): Promise<boolean> {
  const accepted = inbox.receive(link);
  await nudge(page, '__parleyInviteListeners');
  return accepted;
}

function nudge(page: Page, name: string): Promise<void> {
  return page.evaluate((listeners) => {
    for (const listener of (window as unknown as Record<string, (() => void)[] | undefined>)[listeners] ?? []) listener();
  }, name);
}

/** Tells the page's discovery listeners the list changed, as main's nudge does. */
export function nudgeNearbyRooms(page: Page): Promise<void> {
  return nudge(page, '__parleyDiscoveryListeners');
}

export function desktopBridge(services: {
  hosting?: HostService;
  trust: TrustService;
  invites?: InviteInbox;
  nearbyRooms?: Pick<RoomFinder, 'list'>;
  callPresence?: Pick<CallPresence, 'update'>;
  /** Main's notifications (shown only while the window is not in front): the test keeps what was asked. */
  notify?: (notification: DesktopNotification) => boolean;
  globalMute?: { status(): GlobalShortcutStatus };
  showWindow?: () => void;
}) {
  return async (context: BrowserContext): Promise<void> => {
    const { hosting, trust } = services;
    await context.exposeFunction('__discoveryList', async () => ({ ok: true, data: services.nearbyRooms?.list() ?? [] }));
    const invites = services.invites ?? new InviteInbox(() => undefined);
    await context.exposeFunction('__invitesTake', async () => ({ ok: true, data: invites.take() }));
    const notHosting = async () => ({ ok: false, error: { code: 'HOSTING_FAILED', message: 'not in this test' } });
    await context.exposeFunction('__hostingStart', (request: HostingStartRequest) => (hosting ? hosting.start(request) : notHosting()));
    await context.exposeFunction('__hostingStop', () => (hosting ? hosting.stop() : notHosting()));
    await context.exposeFunction('__hostingStatus', async () => (hosting ? { ok: true, data: hosting.status() } : notHosting()));
    await context.exposeFunction('__trustCheck', (request: TrustCheckRequest) => trust.check(request));
    await context.exposeFunction('__callState', async (state: CallState) => (services.callPresence?.update(state), { ok: true, data: null }));
    await context.exposeFunction('__notify', async (notification: DesktopNotification) => ({ ok: true, data: { shown: services.notify?.(notification) ?? false } }));
    await context.exposeFunction('__shortcutStatus', async () => ({ ok: true, data: services.globalMute?.status() ?? { accelerator: null, state: 'off' } }));
    await context.exposeFunction('__pushToTalkStatus', async () => ({ ok: true, data: { key: null, state: 'off' } }));
    await context.exposeFunction('__showWindow', async () => (services.showWindow?.(), { ok: true, data: null }));
    await context.exposeFunction('__trustAccept', (request: { url: string; fingerprint: string }) => trust.accept(request));
    await context.addInitScript(installDesktopBridge);
  };
}
