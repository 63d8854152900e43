/** How the tests and benchmarks launch a Chromium (Debian's, as a rule) with fake media devices. */
import { findChromium } from '../scripts/findChromium';

// `npm test` and `npm run test:e2e` run scripts/ensure-test-tools.sh first, which installs a
// Chromium or explains how to get one; failing here, at load, beats Playwright's hint to run
// `npx playwright install`, which downloads a browser this project does not use.
const found = findChromium();
if (found === undefined) {
  throw new Error('No Chromium found: set CHROMIUM_PATH, or run `bash scripts/ensure-test-tools.sh` to install one or see how.');
}
export const CHROMIUM_PATH: string = found;

export const CHROMIUM_ARGS = [
  // Fake camera (a moving test pattern) and microphone (a beep), granted without a prompt.
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  // ICE may use 127.0.0.1: inside the private namespace loopback is the only interface.
  '--allow-loopback-in-peer-connection',
  // getDisplayMedia picks the fake 1280×720 screen without a picker.
  '--auto-select-desktop-capture-source=Entire screen',
  '--autoplay-policy=no-user-gesture-required',
  // Headless as root on a machine with a closed network.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Background pages must keep decoding: several participants share one browser.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
