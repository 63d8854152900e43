import { describe, expect, it, vi } from 'vitest';
import { InviteInbox, inviteFromArgv, registerInviteScheme } from './invites';

const LINK = `parley://join?host=10.0.0.2&port=47100&room=team&fp=${'ab'.repeat(32)}`;

describe('invites from the operating system', () => {
  it('finds the link on a command line, as Windows and Linux pass it', () => {
    expect(inviteFromArgv(['/opt/Parley/parley', '--no-sandbox', LINK])).toBe(LINK);
    expect(inviteFromArgv(['/opt/Parley/parley'])).toBeUndefined();
  });

  it('keeps the latest valid link until taken, nudging the renderer each time', () => {
    const notify = vi.fn();
    const inbox = new InviteInbox(notify);
    expect(inbox.receive(LINK)).toBe(true);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(inbox.take()).toBe(LINK);
    expect(inbox.take()).toBeNull();
  });

  it('ignores hostile or broken links without a nudge', () => {
    const notify = vi.fn();
    const inbox = new InviteInbox(notify);
    for (const link of ['parley://join?host=x/../y&port=1&room=a', 'parley://evil', `parley://join?${'a'.repeat(5000)}`, undefined]) {
      expect(inbox.receive(link)).toBe(false);
    }
    expect(notify).not.toHaveBeenCalled();
    expect(inbox.take()).toBeNull();
  });
});

describe('registering the parley: scheme', () => {
  const register = (proc: Parameters<typeof registerInviteScheme>[1]) => {
    const calls: unknown[][] = [];
    registerInviteScheme({ setAsDefaultProtocolClient: (...args: unknown[]) => (calls.push(args), true) }, proc);
    return calls;
  };

  it('packaged: the app itself', () => {
    expect(register({ argv: ['/opt/Parley/parley'], execPath: '/opt/Parley/parley', cwd: () => '/home/ada' })).toEqual([['parley']]);
  });

  it('in development: Electron with the entry script as an absolute path, absolute or relative as given', () => {
    const dev = { defaultApp: true, execPath: '/repo/node_modules/electron/dist/electron', cwd: () => '/repo' };
    expect(register({ ...dev, argv: [dev.execPath, '/repo/out/main/index.js'] })).toEqual([['parley', dev.execPath, ['/repo/out/main/index.js']]]);
    expect(register({ ...dev, argv: [dev.execPath, 'out/main/index.js'] })).toEqual([['parley', dev.execPath, ['/repo/out/main/index.js']]]);
    expect(register({ ...dev, argv: [dev.execPath, '.'] })).toEqual([['parley', dev.execPath, ['/repo']]]);
  });
});
