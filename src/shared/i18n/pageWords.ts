/**
 * Which words the page loads when (vite/compiledCatalogs.ts splits the catalogs by these rules at
 * build time). The main process's own words (its menus, tray and dialogs) never reach the page.
 * Of the rest, what the home screen can show comes with the first script; everything else (the
 * call screen, its panels, the desktop settings) is one chunk, fetched when the page is idle or a
 * join starts, before any of those screens is drawn (renderer i18n/loadCatalog.ts). The other
 * languages come whole, in one chunk each, when chosen.
 *
 * A home-screen word left out of the first part shows as its key until the rest arrive: every
 * end-to-end test fails on the "translation problem" warning that comes with it (e2e/fixtures.ts).
 */

/** Areas only the main process shows. */
const MAIN_PROCESS_AREAS = ['main.'];

/**
 * What the home screen can show: its form, the preview (our own tile and its two device buttons),
 * media notices, errors. Whole areas, or single keys (a key is its own prefix).
 */
const HOME_SCREEN_WORDS = [
  'common.',
  'errors.',
  'home.',
  'media.',
  'notices.',
  'call.controls.mute',
  'call.controls.unmute',
  'call.controls.cameraOff',
  'call.controls.turnCamera',
  'call.controls.choose',
  // The way out when the call screen could not be fetched (App.tsx).
  'call.controls.leave',
  'call.tile.you',
  'call.tile.self',
  'call.tile.cameraOff',
  'call.tile.microphoneMuted',
  'call.tile.mutedForMe',
  'call.tile.speaking',
  // The screen picker is always drawn (closed), by App.tsx.
  'call.screenPicker.title',
];

/**
 * In those areas but fetched with the rest: what is folded away on the home screen (its STUN/TURN
 * section, the media info: features/home/homeParts.ts, features/media/DeviceSettings.tsx), and
 * what only a call gives rise to (a shared screen, a saved file, the host's actions).
 */
const LATER_WORDS = [
  'home.network.hint',
  'home.network.servers',
  'home.network.turn',
  'home.network.relayOnly',
  'media.info.',
  'media.screenAccess.',
  'notices.saveFailed',
  'notices.lockFailed',
  'notices.unlockFailed',
  'notices.removeFailed',
  'notices.nobodyToSendTo',
  'notices.screenShare',
  'notices.handLowered',
  'notices.snapshotFailed',
  'notices.savedToDownloads',
];

/** The media info's summary, drawn while the rest is folded away. */
const FOLDED_SUMMARY = 'media.info.summary';

export type PageWordsPart = 'home' | 'later';

/** Where a message goes: with the first script, with the rest of the page, or nowhere (main's own). */
export function pageWordsPart(key: string): PageWordsPart | null {
  if (MAIN_PROCESS_AREAS.some((prefix) => key.startsWith(prefix))) return null;
  if (key !== FOLDED_SUMMARY && LATER_WORDS.some((prefix) => key.startsWith(prefix))) return 'later';
  return HOME_SCREEN_WORDS.some((prefix) => key.startsWith(prefix)) ? 'home' : 'later';
}
