/**
 * Says why a connection does not come up when no network path joins the two sides: without this,
 * a call between networks that keep their computers apart (a strict NAT, a firewall, a guest Wi-Fi
 * that isolates clients) sits on "Connecting…" for ever. Once a connection has been negotiated and
 * is still not connected NO_PATH_AFTER_MS later, the candidates are read from its statistics and
 * the problem is named, with what would fix it. Both sides see it: each watches its own end.
 * Nothing is given up: ICE restarts go on (peerSession.ts), and connecting clears the problem.
 * A connection that has been up once and drops is an outage, not a missing path: the tile says
 * "Reconnecting…" then, as before, and this stays quiet.
 */

/** Long enough for a slow network's checks, short enough to say something within 15 s. */
export const NO_PATH_AFTER_MS = 10_000;

/**
 * - `no-relay-configured`: every candidate pair failed and no TURN server is set: one would relay.
 * - `relay-unreachable`: a TURN server is set but gave us no relayed address (wrong address, user
 *   name or password, or blocked): check its settings.
 * - `relay-failed`: even with a relayed address no pair worked (the other side's network, or the
 *   TURN server refusing to relay to it).
 */
export type PathProblem = 'no-relay-configured' | 'relay-unreachable' | 'relay-failed';

export interface CandidateSummary {
  /** Candidate types we gathered (host, srflx, prflx, relay). */
  local: Set<string>;
  /** Whether any candidate pair has been nominated or succeeded. */
  anySucceeded: boolean;
}

export function diagnose(candidates: CandidateSummary, relayConfigured: boolean): PathProblem | null {
  if (candidates.anySucceeded) return null;
  if (!relayConfigured) return 'no-relay-configured';
  return candidates.local.has('relay') ? 'relay-failed' : 'relay-unreachable';
}

export async function summarizeCandidates(pc: RTCPeerConnection): Promise<CandidateSummary> {
  const local = new Set<string>();
  let anySucceeded = false;
  (await pc.getStats()).forEach((report: Record<string, unknown>) => {
    if (report['type'] === 'local-candidate' && typeof report['candidateType'] === 'string') local.add(report['candidateType']);
    if (report['type'] === 'candidate-pair' && (report['state'] === 'succeeded' || report['nominated'] === true)) anySucceeded = true;
  });
  return { local, anySucceeded };
}

/**
 * Watches one connection: `report(problem)` when it has been negotiated but never connected for
 * NO_PATH_AFTER_MS, `report(null)` once it connects after that. Returns the stop function.
 */
export function watchPath(pc: RTCPeerConnection, relayConfigured: boolean, report: (problem: PathProblem | null) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reported = false;
  let everConnected = false;
  const check = (): void => {
    if (pc.connectionState === 'connected') {
      everConnected = true;
      clearTimeout(timer);
      timer = undefined;
      if (reported) report(null);
      reported = false;
      return;
    }
    if (everConnected || timer !== undefined || pc.remoteDescription === null || pc.connectionState === 'closed') return;
    timer = setTimeout(() => {
      timer = undefined;
      if (pc.connectionState === 'connected' || pc.connectionState === 'closed') return;
      void summarizeCandidates(pc)
        .then((candidates) => {
          const problem = diagnose(candidates, relayConfigured);
          if (problem && pc.connectionState !== 'connected' && pc.connectionState !== 'closed') {
            reported = true;
            report(problem);
          }
          // Still trying: look again later (a TURN server that answers late, a restart).
          check();
        })
        .catch(() => undefined);
    }, NO_PATH_AFTER_MS);
  };
  pc.addEventListener('connectionstatechange', check);
  pc.addEventListener('signalingstatechange', check);
  check();
  return () => {
    clearTimeout(timer);
    pc.removeEventListener('connectionstatechange', check);
    pc.removeEventListener('signalingstatechange', check);
  };
}
