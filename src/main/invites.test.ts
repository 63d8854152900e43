import { describe, expect, it, vi } from 'vitest';
import { InviteInbox, inviteFromArgv } from './invites';

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
