/**
 * A negotiated connection whose ICE never starts is restarted: the real PeerSession (bundled from
 * source) in Chromium, two connections talking directly through a channel that loses every
 * candidate of the first ICE session (trickled, or written into the descriptions). Neither side
 * has anything to check; the impolite side must restart ICE and the call must connect.
 */
import { withCallModules } from './bundle';
import { expect, test } from './fixtures';

test('when no candidate of the first ICE session arrives, the impolite side restarts ICE and the call connects', async ({ browser, server }) => {
  test.setTimeout(60_000);
  await withCallModules(browser, server.url, { ParleyCall: 'peerSession.ts' }, async (page) => {

    const outcome = await page.evaluate(async () => {
      const { PeerSession, ICE_NEVER_STARTED_MS } = (window as unknown as { ParleyCall: typeof import('../src/renderer/src/call/peerSession') }).ParleyCall;
      type Session = InstanceType<typeof PeerSession>;
      type Payload = Parameters<Session['receive']>[0];
      const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      const a = new RTCPeerConnection();
      const b = new RTCPeerConnection();
      const errors: string[] = [];
      const firstUfrag = new Map<RTCPeerConnection, string>();
      const ufragOf = (sdp: string): string | undefined => /^a=ice-ufrag:(\S+)/m.exec(sdp)?.[1];
      // The lossy channel: the sender's first ICE credentials mark the session whose candidates are lost.
      const lossy = (from: RTCPeerConnection, to: () => Session) => (payload: Payload) => {
        if (payload.kind === 'description') {
          const ufrag = ufragOf(payload.description.sdp);
          if (ufrag && !firstUfrag.has(from)) firstUfrag.set(from, ufrag);
          const sdp = ufrag === firstUfrag.get(from) ? payload.description.sdp.replace(/^a=candidate:.*\r\n/gm, '') : payload.description.sdp;
          void to().receive({ kind: 'description', description: { type: payload.description.type, sdp } });
          return;
        }
        if (payload.kind === 'candidate' && payload.candidate?.usernameFragment === firstUfrag.get(from)) return;
        void to().receive(payload);
      };
      const sessionA: Session = new PeerSession({ pc: a, polite: false, send: lossy(a, () => sessionB), onError: (e) => errors.push(`A ${e}`) });
      const sessionB: Session = new PeerSession({ pc: b, polite: true, send: lossy(b, () => sessionA), onError: (e) => errors.push(`B ${e}`) });
      for (const track of media.getTracks()) a.addTrack(track, media);

      const started = performance.now();
      await new Promise((r) => setTimeout(r, ICE_NEVER_STARTED_MS / 2));
      const midway = { a: a.iceConnectionState, b: b.iceConnectionState, signaling: [a.signalingState, b.signalingState] };
      const connected = await new Promise<boolean>((done) => {
        const deadline = setTimeout(() => done(false), 4 * ICE_NEVER_STARTED_MS);
        const check = setInterval(() => {
          if ([a, b].every((pc) => pc.connectionState === 'connected' && pc.signalingState === 'stable')) {
            clearTimeout(deadline);
            clearInterval(check);
            done(true);
          }
        }, 20);
      });
      const outcome = {
        midway,
        connected,
        seconds: (performance.now() - started) / 1000,
        impolite: { ...sessionA.recovery },
        polite: { ...sessionB.recovery },
        errors,
      };
      sessionA.close();
      sessionB.close();
      return outcome;
    });

    console.log(`ICE never started: connected ${outcome.seconds.toFixed(1)} s after negotiation began`);
    // Negotiated, yet nothing to check: the situation the restart is for.
    expect(outcome.midway).toEqual({ a: 'new', b: 'new', signaling: ['stable', 'stable'] });
    expect(outcome.connected).toBe(true);
    expect(outcome.impolite).toMatchObject({ iceRestarts: 1, iceNeverStarted: 1 });
    expect(outcome.polite).toMatchObject({ iceRestarts: 0, iceNeverStarted: 0 });
    expect(outcome.errors).toEqual([]);
  });
});
