/**
 * Signals from before an ICE restart are never applied: the real PeerSession (bundled from source)
 * in Chromium, two connections talking directly; after B restarts ICE, a candidate A sent for the
 * old session is delivered late and must be dropped, with the call still connected.
 */
import { withCallModules } from './bundle';
import { expect, test } from './fixtures';

test('a candidate from before an ICE restart, delivered after it, is dropped and the call stays up', async ({ browser, server }) => {
  await withCallModules(browser, server.url, { ParleyCall: 'peerSession.ts' }, async (page) => {

    const outcome = await page.evaluate(async () => {
      const { PeerSession } = (window as unknown as { ParleyCall: typeof import('../src/renderer/src/call/peerSession') }).ParleyCall;
      type Session = InstanceType<typeof PeerSession>;
      type Payload = Parameters<Session['receive']>[0];
      const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      const sentByA: Payload[] = [];
      const errors: string[] = [];
      const a = new RTCPeerConnection();
      const b = new RTCPeerConnection();
      const sessionA: Session = new PeerSession({
        pc: a,
        polite: false,
        send: (payload) => {
          sentByA.push(payload);
          void sessionB.receive(payload);
        },
        onError: (e) => errors.push(`A ${e}`),
      });
      const sessionB: Session = new PeerSession({ pc: b, polite: true, send: (payload) => void sessionA.receive(payload), onError: (e) => errors.push(`B ${e}`) });
      const settled = () =>
        new Promise<boolean>((done) => {
          const deadline = setTimeout(() => done(false), 10_000);
          const check = setInterval(() => {
            if ([a, b].every((pc) => pc.connectionState === 'connected' && pc.signalingState === 'stable')) {
              clearTimeout(deadline);
              clearInterval(check);
              done(true);
            }
          }, 20);
        });
      for (const track of media.getTracks()) a.addTrack(track, media);
      const first = await settled();
      const oldCandidates = sentByA.filter((p) => p.kind === 'candidate' && p.candidate);

      // B restarts ICE (as after a network change): new credentials on both sides.
      sessionB.restartIce();
      await new Promise((r) => setTimeout(r, 300));
      const second = await settled();
      const staleBefore = sessionB.recovery.staleCandidates;
      for (const stale of oldCandidates) await sessionB.receive(stale);
      await new Promise((r) => setTimeout(r, 500));
      return {
        first,
        second,
        restarts: sessionB.recovery.iceRestarts,
        oldCandidates: oldCandidates.length,
        dropped: sessionB.recovery.staleCandidates - staleBefore,
        stillConnected: b.connectionState === 'connected' && a.connectionState === 'connected',
        errors,
      };
    });

    expect(outcome.first && outcome.second).toBe(true);
    expect(outcome.restarts).toBe(1);
    expect(outcome.oldCandidates).toBeGreaterThan(0);
    expect(outcome.dropped).toBe(outcome.oldCandidates);
    expect(outcome.stillConnected).toBe(true);
    expect(outcome.errors).toEqual([]);
  });
});
