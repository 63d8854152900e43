// The Chromium finder against real files: fake executables in temporary folders on a made-up PATH.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from './findChromium';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'parley-find-chromium-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** An executable shell script `folder/name` that exits with `code` (for `--version`). */
function fake(folder: string, name: string, code = 0, mode = 0o755): string {
  mkdirSync(join(root, folder), { recursive: true });
  const path = join(root, folder, name);
  writeFileSync(path, `#!/bin/sh\nexit ${code}\n`);
  chmodSync(path, mode);
  return path;
}
const pathOf = (...folders: string[]): string => folders.map((f) => join(root, f)).join(delimiter);

// The fakes are shell scripts, so this needs a POSIX system.
describe.skipIf(process.platform === 'win32')('findChromium', () => {
  it('takes CHROMIUM_PATH as it is, before anything on PATH', () => {
    fake('bin', 'chromium');
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome', PATH: pathOf('bin') })).toBe('/opt/chrome/chrome');
  });

  it('tries the names in order, whichever PATH folder each is in', () => {
    fake('a', 'google-chrome-stable');
    fake('a', 'google-chrome');
    const chromium = fake('b', 'chromium');
    expect(findChromium({ PATH: pathOf('a', 'b') })).toBe(chromium);
    rmSync(chromium);
    expect(findChromium({ PATH: pathOf('a', 'b') })).toBe(join(root, 'a', 'google-chrome'));
  });

  it('takes the first PATH folder that has the name, as a full path', () => {
    fake('b', 'chromium');
    const first = fake('a', 'chromium');
    expect(findChromium({ PATH: pathOf('a', 'b') })).toBe(first);
  });

  it('skips a chromium-browser that does not run (a snap stub), and files that are not executable', () => {
    fake('a', 'chromium', 0, 0o644);
    fake('a', 'chromium-browser', 1);
    const chrome = fake('b', 'google-chrome-stable');
    expect(findChromium({ PATH: pathOf('a', 'b') })).toBe(chrome);
    const working = fake('b', 'chromium-browser', 0);
    rmSync(join(root, 'a', 'chromium-browser'));
    expect(findChromium({ PATH: pathOf('a', 'b') })).toBe(working);
  });

  it('returns undefined when there is none', () => {
    fake('a', 'firefox');
    expect(findChromium({ PATH: pathOf('a', 'missing') })).toBeUndefined();
    expect(findChromium({})).toBeUndefined();
  });
});
