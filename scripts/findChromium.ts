/**
 * Which Chromium the end-to-end tests and benchmarks launch. Playwright's own browser download is
 * not reachable (see ../shared/TESTING.md), so we look for one the machine already has, in the same
 * order as scripts/ensure-test-tools.sh, which installs one where it can: keep the two in step.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian's name first, then Ubuntu's (often a snap stub), then Google's builds. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The full path of the first `name` on `pathVar` (a PATH value) that is an executable file. */
export function findOnPath(name: string, pathVar: string | undefined): string | undefined {
  // Windows keeps the extension in the file name; elsewhere the name is the file.
  const fileNames = process.platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const folder of (pathVar ?? '').split(delimiter)) {
    if (folder === '') continue; // an empty PATH entry means "here": never what we want
    for (const fileName of fileNames) {
      const candidate = join(folder, fileName);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Ubuntu's chromium-browser may be a stub asking for the snap: accept it only if it really runs. */
function runsVersion(path: string): boolean {
  try {
    execFileSync(path, ['--version'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** `CHROMIUM_PATH` if set, else the first Chromium or Chrome on PATH, else undefined. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen) return chosen;
  for (const name of CHROMIUM_NAMES) {
    const found = findOnPath(name, env['PATH'] ?? env['Path']);
    if (found && (name !== 'chromium-browser' || runsVersion(found))) return found;
  }
  return undefined;
}
