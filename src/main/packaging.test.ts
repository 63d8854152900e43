/**
 * What `npm run dist` needs from electron-builder.yml, package.json and build/ that nothing else
 * checks before a release: a macOS build is only tried on a Mac and a .deb only at dist time, and
 * each fails late (a crash at launch, a local-network prompt that never comes, a stopped build).
 * Where electron-builder decides, the test reads electron-builder's own files so it follows upgrades.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Service } from 'bonjour-service';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVICE_TYPE } from '../shared/nearbyRooms';

const root = join(__dirname, '../..');
const builder = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// app-builder-lib as electron-builder itself loads it, whatever the hoisting.
const appBuilderLib = dirname(createRequire(createRequire(join(root, 'package.json')).resolve('electron-builder')).resolve('app-builder-lib/package.json'));

/** The keys set to <true/> in a plist's top dict: all an entitlements file holds. */
function trueKeys(file: string): string[] {
  const xml = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  return [...xml.matchAll(/<key>([^<]+)<\/key>\s*<true\s*\/>/g)].map((match) => match[1]!);
}

describe('macOS hardened runtime', () => {
  it('grants, in build/entitlements.mac.plist, what Electron needs under hardened runtime, and what calls need', () => {
    // V8's JIT needs allow-jit and allow-unsigned-executable-memory under hardened runtime: without
    // them the signed app dies at launch. electron-builder's default template lists what it needs.
    const needed = [
      ...trueKeys(join(appBuilderLib, 'templates/entitlements.mac.plist')),
      // Calls: the camera and microphone prompts; hosting and joining rooms.
      'com.apple.security.device.camera',
      'com.apple.security.device.audio-input',
      'com.apple.security.network.client',
      'com.apple.security.network.server',
    ];
    expect(needed).toContain('com.apple.security.cs.allow-jit');
    expect(trueKeys(join(root, 'build/entitlements.mac.plist'))).toEqual(expect.arrayContaining(needed));
  });

  it('signs the app and its helpers with that file, hardened runtime on', () => {
    // mac/MacTargetHelper.js getOptionsForFile: `entitlements` for the .app itself, `entitlementsInherit`
    // for the helpers and frameworks inside it. Left unset, each falls back to a file-name match in
    // build/ or to the template: said explicitly, both are this one file.
    expect(builder.mac).toMatchObject({
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
  });

  it('explains each prompt, and names the Bonjour service it browses, which macOS 15 requires for mDNS', () => {
    const info = builder.mac.extendInfo;
    for (const key of ['NSCameraUsageDescription', 'NSMicrophoneUsageDescription', 'NSLocalNetworkUsageDescription']) {
      expect(info[key], key).toMatch(/^Parley .{20,}\.$/);
    }
    // Spelled by bonjour-service from the constant that both the advertiser and the room finder use.
    const announced = new Service({ name: 'x', type: SERVICE_TYPE, port: 1 }, () => undefined, () => undefined).type;
    expect(announced).toBe('_parley._tcp');
    expect(info.NSBonjourServices).toEqual([announced]);
  });
});

describe('Linux .deb', () => {
  // These mirror app-builder-lib 26's FpmTarget.computeFpmMetaInfoOptions (out/targets/FpmTarget.js:76-96),
  // which stops the build without either. This fails if that code changes, so the mirror gets re-read.
  it('still applies the checks mirrored below', () => {
    const fpmTarget = readFileSync(join(appBuilderLib, 'out/targets/FpmTarget.js'), 'utf8');
    expect(fpmTarget).toContain('const projectUrl = await packager.appInfo.computePackageUrl();');
    expect(fpmTarget).toContain('let author = options.maintainer;');
  });

  it('has a homepage', () => {
    // packager.js:284 merges extraMetadata into package.json before any target reads it;
    // appInfo.js:136 computePackageUrl takes its homepage, else a GitHub repository (Parley has none).
    const metadata = { ...packageJson, ...builder.extraMetadata };
    expect(metadata.homepage).toMatch(/^https:\/\/\S+$/);
  });

  it('has a maintainer, a name and an email address as Debian policy 5.6.2 wants', () => {
    // FpmTarget.js:25: linux options overlaid with deb ones. Their maintainer, else
    // "author.name <author.email>" (normalizePackageData has parsed an author string into those).
    const options = { ...builder.linux, ...builder.deb };
    const author = packageJson.author;
    const maintainer = options.maintainer ?? (author?.email == null ? undefined : `${author.name} <${author.email}>`);
    expect(maintainer).toMatch(/^[^<>]+ <[^<>\s]+@[^<>\s]+>$/);
  });
});

describe('icons', () => {
  it('has build/icon.png, the source electron-builder turns into .icns, .ico and the Linux set', () => {
    // util/iconConverter.js buildSourceCandidates: with no `icon` option, electron-builder looks in
    // buildResources and takes icon.png before icon.svg; without either it ships Electron's icon.
    const png = readFileSync(join(root, 'build/icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    // iconConverter.js doConvertSingleFile refuses a PNG under 512 for .icns (256 for the others).
    expect(width).toBeGreaterThanOrEqual(512);
    expect(height).toBe(width);
    // Colour type 6, RGBA: the corners around the rounded square stay transparent.
    expect(png[25]).toBe(6);
  });
});
