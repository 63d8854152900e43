/**
 * When a connection's media moves to another path (an ICE restart after an address change, or a
 * better pair found later), the receiver's decoder is left waiting on frames lost on the old one:
 * Chromium NACKs them for about two seconds before it asks for a new keyframe (measured on the two
 * namespaces: packets back 1.5 s after the link, pictures 2.2 s later). Mesh answers a path change
 * with a fresh start (a resolution step, so the encoder sends a keyframe at once): see fastStart.ts.
 */

/** The ICE transport carrying this connection's media (bundled: one for everything). */
function iceTransportOf(pc: RTCPeerConnection): RTCIceTransport | null {
  return pc.sctp?.transport.iceTransport ?? pc.getSenders().find((sender) => sender.transport)?.transport?.iceTransport ?? null;
}

/**
 * Calls `onChange` each time the selected candidate pair changes after the connection first
 * connected (the first pair is not a change). Returns a function that stops watching.
 */
export function watchPathChanges(pc: RTCPeerConnection, onChange: () => void): () => void {
  let transport: RTCIceTransport | null = null;
  const attach = (): void => {
    if (transport || pc.connectionState !== 'connected') return;
    transport = iceTransportOf(pc);
    transport?.addEventListener('selectedcandidatepairchange', onChange);
  };
  pc.addEventListener('connectionstatechange', attach);
  attach();
  return () => {
    pc.removeEventListener('connectionstatechange', attach);
    transport?.removeEventListener('selectedcandidatepairchange', onChange);
  };
}
