/**
 * Invite links handed to the app by the operating system: on the command line of a launch (and of
 * a second launch, which the single-instance lock turns into a `second-instance` event), or by
 * macOS's `open-url`. Links are validated here, kept until the renderer takes the latest, and the
 * renderer is nudged to take it (so a link that arrives before the page is ready is not lost).
 */
import { resolve } from 'node:path';
import { INVITE_SCHEME, parseInvite } from '../shared/invite';

/** The invite among a command line's arguments, if any (validated by `InviteInbox.receive`). */
export function inviteFromArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${INVITE_SCHEME}:`));
}

export class InviteInbox {
  private pending: string | undefined;

  constructor(private readonly notify: () => void) {}

  /** Keeps a valid invite for the renderer; anything else is ignored (and reported false). */
  receive(candidate: string | undefined): boolean {
    if (candidate === undefined) return false;
    const link = candidate.trim();
    if (!parseInvite(link).ok) return false;
    this.pending = link;
    this.notify();
    return true;
  }

  take(): string | null {
    const link = this.pending ?? null;
    this.pending = undefined;
    return link;
  }
}

/**
 * Makes `parley:` links open this app. Packaged, the app's own executable is registered. In
 * development (`process.defaultApp`: the Electron binary running our entry script) the system must
 * start Electron with that script, given as an absolute path: resolve() keeps an absolute argv[1]
 * as it is (joining it onto cwd would double it) and makes a relative one absolute.
 */
export function registerInviteScheme(
  app: { setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean },
  proc: { defaultApp?: boolean; argv: readonly string[]; execPath: string; cwd(): string },
): void {
  const entry = proc.argv[1];
  if (proc.defaultApp && entry) app.setAsDefaultProtocolClient(INVITE_SCHEME, proc.execPath, [resolve(proc.cwd(), entry)]);
  else app.setAsDefaultProtocolClient(INVITE_SCHEME);
}
