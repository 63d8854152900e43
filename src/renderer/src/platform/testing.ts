/**
 * A platform for component tests: a plain browser's (nothing of the desktop app's), with the
 * parts a test needs put in. `setPlatform(testPlatform({ hosting }))`.
 */
import type { Platform } from './index';

export function testPlatform(parts: Partial<Platform> = {}): Platform {
  return {
    kind: parts.hosting || parts.mediaAccess ? 'desktop' : 'browser',
    hosting: null,
    mediaAccess: null,
    trust: null,
    invites: null,
    discovery: null,
    screenPicker: null,
    call: null,
    preferences: null,
    shortcut: null,
    notify: async () => false,
    askToNotify: () => undefined,
    showWindow: null,
    isMac: false,
    suggestion: {},
    defaultScheme: 'http',
    saveFile: async () => ({ saved: false }),
    ...parts,
  };
}
