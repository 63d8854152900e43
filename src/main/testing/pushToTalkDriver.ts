/**
 * Runs system-wide push-to-talk with the real keyboard hook in a process of its own, for
 * systemPushToTalk.x11.test.ts: libuiohook keeps its X display connection for the life of the
 * process, and Xlib ends the process when that display goes away, so the test keeps the hook out of
 * its own process. Prints "ready" once listening, then each command it would send to the page.
 */
import { pushToTalkUnavailable, loadUiohook, SystemPushToTalk } from '../systemPushToTalk';

const ptt = new SystemPushToTalk({
  load: loadUiohook,
  send: (command) => {
    process.stdout.write(`${command}\n`);
    return true;
  },
  unavailableReason: () => pushToTalkUnavailable({ platform: process.platform, env: process.env, accessibilityTrusted: () => true }),
  onStatus: () => undefined,
});

await ptt.follow(true, false, process.argv[2] ?? 'F9');
process.stdout.write(`${ptt.status().state === 'active' ? 'ready' : `unavailable ${ptt.status().reason ?? ''}`}\n`);
// Told to stop on stdin's end (the test closes it): stop listening, then exit.
process.stdin.resume();
process.stdin.on('end', () => {
  ptt.dispose();
  process.exit(0);
});
