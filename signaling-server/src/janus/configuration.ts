/**
 * The configuration Janus needs to serve Parley, and nothing more: the VideoRoom plugin and the
 * WebSocket transport on loopback, every other plugin, transport, event handler and logger
 * disabled. The same files serve the tests (signaling-server/test/janusServer.ts) and a real
 * server (`npm run janus:config`, README "Rooms past the mesh").
 *
 * Three secrets, all held by the Parley host only:
 * - `apiSecret`: every request to Janus must carry it. The host's proxy adds it to what
 *   participants send, so a client that reached Janus directly could do nothing.
 * - `adminKey`: VideoRoom refuses to create rooms without it; only the host creates them.
 * - each room's own secret and list of allowed tokens (janusRooms.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface JanusConfigurationOptions {
  /** Where the WebSocket transport listens (always on loopback: only the host talks to Janus). */
  wsPort: number;
  apiSecret: string;
  adminKey: string;
  /** UDP ports for media, `min-max`. */
  rtpPorts: string;
  /** Where Debian's package puts Janus's modules. */
  libraryFolder?: string;
}

export const DEBIAN_JANUS_LIBRARIES = '/usr/lib/x86_64-linux-gnu/janus';

const KEPT = { plugins: 'libjanus_videoroom.so', transports: 'libjanus_websockets.so' } as const;

/** Janus loads every module in its folders unless disabled by name: all but the two Parley uses. */
function disabledModules(folder: string, keep?: string): string {
  let names: string[] = [];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.so') && name !== keep);
  } catch {
    // No such folder: nothing of that kind to disable.
  }
  return names.join(',');
}

/** File name → contents, for Janus's configuration folder (`janus -F folder`). */
export function janusConfiguration(options: JanusConfigurationOptions): Record<string, string> {
  const libraries = options.libraryFolder ?? DEBIAN_JANUS_LIBRARIES;
  const folder = (kind: string): string => join(libraries, kind);
  return {
    'janus.jcfg': `# Janus for Parley: written by signaling-server/src/janus/configuration.ts
general: {
	plugins_folder = "${folder('plugins')}"
	transports_folder = "${folder('transports')}"
	events_folder = "${folder('events')}"
	loggers_folder = "${folder('loggers')}"
	debug_level = 3
	log_to_stdout = true
	server_name = "parley-janus"
	# Every request must carry this; the Parley host adds it to what it forwards.
	api_secret = "${options.apiSecret}"
	session_timeout = 60
	# No stored tokens and no Admin API: the host decides who may do what.
	token_auth = false
}
media: {
	rtp_port_range = "${options.rtpPorts}"
}
nat: {
	nice_debug = false
	ice_ignore_list = "vmnet"
}
plugins: {
	disable = "${disabledModules(folder('plugins'), KEPT.plugins)}"
}
transports: {
	disable = "${disabledModules(folder('transports'), KEPT.transports)}"
}
loggers: {
	disable = "${disabledModules(folder('loggers'))}"
}
events: {
	broadcast = false
	disable = "${disabledModules(folder('events'))}"
}
`,
    'janus.plugin.videoroom.jcfg': `# No rooms of its own: the Parley host creates one private room per Parley room.
general: {
	admin_key = "${options.adminKey}"
	lock_rtp_forward = true
	lock_play_file = true
}
`,
    'janus.transport.websockets.jcfg': `# Loopback only: participants reach Janus through the Parley host's TLS port, never directly.
general: {
	json = "compact"
	ws = true
	ws_port = ${options.wsPort}
	ws_ip = "127.0.0.1"
	wss = false
}
admin: {
	admin_ws = false
	admin_wss = false
}
`,
  };
}
