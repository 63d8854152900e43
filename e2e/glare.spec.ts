/**
 * Glare: both ends offer at the same moment. The real PeerSession (bundled from source) runs in
 * Chromium with two peer connections whose messages cross asynchronously; in every trial both must
 * end connected and stable, with media flowing both ways (W3C perfect negotiation, including
 * isSettingRemoteAnswerPending).
 */
import { withCallModules } from './bundle';
import { expect, test } from './fixtures';

const TRIALS = 100;

test(`${TRIALS} simultaneous offers all converge to a connected call`, async ({ browser, server }) => {
  test.setTimeout(180_000);
  await withCallModules(browser, server.url, { ParleyCall: 'peerSession.ts' }, async (page) => {

    const results = await page.evaluate(async (trials) => {
      const { PeerSession } = (window as unknown as { ParleyCall: typeof import('../src/renderer/src/call/peerSession') }).ParleyCall;
      const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      const outcomes: { ok: boolean; glare: boolean; ms: number; iceRestarted: boolean; detail: string }[] = [];

      for (let trial = 0; trial < trials; trial++) {
        const started = performance.now();
        const a = new RTCPeerConnection();
        const b = new RTCPeerConnection();
        let glare = false;
        // Each direction is an ordered channel, like the Socket.IO connection through the host, but
        // with a random 0-5 ms delay per message, so the two offers cross in varying interleavings.
        const deliver = (to: () => InstanceType<typeof PeerSession>) => {
          let queue = Promise.resolve();
          return (payload: Parameters<InstanceType<typeof PeerSession>['receive']>[0]) => {
            if (payload.kind === 'description' && payload.description.type === 'offer' && to().pc.signalingState === 'have-local-offer') glare = true;
            queue = queue
              .then(() => new Promise((r) => setTimeout(r, Math.random() * 5)))
              .then(() => void to().receive(payload));
          };
        };
        const errors: string[] = [];
        const sessionA: InstanceType<typeof PeerSession> = new PeerSession({ pc: a, polite: trial % 2 === 0, send: deliver(() => sessionB), onError: (e) => errors.push(`A ${e}`) });
        const sessionB: InstanceType<typeof PeerSession> = new PeerSession({ pc: b, polite: trial % 2 !== 0, send: deliver(() => sessionA), onError: (e) => errors.push(`B ${e}`) });
        let receivedA = 0;
        let receivedB = 0;
        a.ontrack = () => receivedA++;
        b.ontrack = () => receivedB++;
        // Both add media in the same task: both fire negotiationneeded and both offer.
        for (const track of media.getTracks()) {
          a.addTrack(track, media);
          b.addTrack(track, media);
        }
        const converged = await new Promise<boolean>((done) => {
          const deadline = setTimeout(() => done(false), 10_000);
          const check = setInterval(() => {
            const settled = [a, b].every((pc) => pc.connectionState === 'connected' && pc.signalingState === 'stable');
            if (settled && receivedA >= 2 && receivedB >= 2) {
              clearTimeout(deadline);
              clearInterval(check);
              done(true);
            }
          }, 10);
        });
        outcomes.push({
          ok: converged,
          glare,
          ms: performance.now() - started,
          // Converged only through the restart for ICE that never started (no candidate arrived).
          iceRestarted: sessionA.recovery.iceNeverStarted + sessionB.recovery.iceNeverStarted > 0,
          detail: `${a.connectionState}/${a.signalingState}/ice ${a.iceConnectionState}/gathering ${a.iceGatheringState} ${b.connectionState}/${b.signalingState}/ice ${b.iceConnectionState}/gathering ${b.iceGatheringState} tracks ${receivedA}/${receivedB} ${errors.join('; ')}`,
        });
        sessionA.close();
        sessionB.close();
      }
      return outcomes;
    }, TRIALS);

    const failures = results.filter((r) => !r.ok);
    const collided = results.filter((r) => r.glare).length;
    const times = results.map((r) => r.ms).sort((x, y) => x - y);
    const restarted = results.filter((r) => r.iceRestarted).length;
    console.log(
      `glare: ${TRIALS} trials, ${collided} with crossing offers, ${failures.length} failed, ${restarted} converged through an ICE restart, median ${times[Math.floor(TRIALS / 2)]!.toFixed(0)} ms to converge`,
    );
    expect(failures.map((f) => f.detail)).toEqual([]);
    expect(collided).toBe(TRIALS); // every trial really was a collision
  });
});
