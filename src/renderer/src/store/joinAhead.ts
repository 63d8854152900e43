/**
 * What the home screen gets ready before Join is clicked: the standby connection and the
 * connection to the host (call/joinPreparation.ts) and, in the desktop app, the host's certificate
 * check (trustAhead.ts). One of each per window; the call slice prepares them while idle and takes
 * them on the click.
 */
import type { TrustCheckRequest } from '../../../shared/ipc';
import type { LocalTracks } from '../call/channels';
import type { JoinPreparation } from '../call/joinPreparation';
import type { platform } from '../platform';
import { loadCallLayer } from './callLayer';
import { TrustAhead } from './trustAhead';

type Trust = NonNullable<ReturnType<typeof platform>['trust']>;
type Ice = Parameters<JoinPreparation['prepareStandby']>[1];

/** Made once the call layer has loaded (store/callLayer.ts); until then there is nothing prepared to take. */
let preparation: JoinPreparation | undefined;
let trustAhead: TrustAhead | undefined;
const trustAheadFor = (trust: Trust): TrustAhead => (trustAhead ??= new TrustAhead(trust.check));

type CallLayer = Awaited<ReturnType<typeof loadCallLayer>>;

/** Runs `prepare` with the preparation once the call layer is here (soon after the first time). */
function withPreparation(prepare: (preparation: JoinPreparation, layer: CallLayer) => void): void {
  loadCallLayer()
    .then((layer) => prepare((preparation ??= new layer.JoinPreparation()), layer))
    .catch((error: unknown) => console.warn('Parley: the call layer did not load; the join will try again', error));
}

// Another network: candidates gathered and connections opened ahead of time may no longer work.
globalThis.addEventListener?.('online', () => preparation?.invalidate());
globalThis.addEventListener?.('offline', () => preparation?.invalidate());

/** The STUN/TURN settings as typed; checked by the call layer, and nothing prepared while they are wrong. */
export interface IceSettings {
  text: string;
  username: string;
  credential: string;
  relayOnly: boolean;
}

export interface JoinAhead {
  tracks: LocalTracks;
  ice: IceSettings;
  /** The typed host, if the address is valid. */
  hostUrl: string | undefined;
  /** The desktop app's certificate checks; null for a page served by the host. */
  trust: Trust | null;
  expectedFingerprint: string | undefined;
  /** Whether the home screen is still idle when a check made ahead comes back. */
  stillIdle: () => boolean;
}

export function prepareJoinAhead(ahead: JoinAhead): void {
  withPreparation((preparation, layer) => prepareWith(preparation, layer, ahead));
}

function prepareWith(preparation: JoinPreparation, layer: CallLayer, { tracks, ice: settings, hostUrl, trust, expectedFingerprint, stillIdle }: JoinAhead): void {
  const ice = layer.parseIceServers(settings.text, settings.username, settings.credential, settings.relayOnly);
  if (!ice.ok) return;
  preparation.prepareStandby(tracks, { servers: ice.servers, relayOnly: ice.relayOnly });
  if (!hostUrl) return;
  // A page served by the host connects as soon as the address is known.
  if (!trust) return preparation.warmHost(hostUrl);
  // The app checks the certificate first, and connects ahead only to a host it already trusts
  // (main's certificate hook enforces the pin) or one without TLS: a first meeting waits for
  // the click and the security code.
  void trustAheadFor(trust)
    .prepare({ url: hostUrl, expectedFingerprint })
    .then((checked) => {
      if (checked.ok && checked.data.status !== 'unknown' && stillIdle()) preparation.warmHost(checked.data.url);
    });
}

/** For the click: the host's certificate checked, reusing a fresh check made ahead. */
export function checkHostAhead(trust: Trust, request: TrustCheckRequest): ReturnType<Trust['check']> {
  return trustAheadFor(trust).take(request);
}

/** For the click: what was prepared for this host and these STUN/TURN settings, if still usable. */
export function takePreparedJoin(url: string, ice: Ice): { host: ReturnType<JoinPreparation['takeHost']>; standby: ReturnType<JoinPreparation['takeStandby']> } {
  return { host: preparation?.takeHost(url), standby: preparation?.takeStandby(ice) };
}
