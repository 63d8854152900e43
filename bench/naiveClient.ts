/**
 * The baseline for bench:join, run in the browser: the original demo's flow, with its remote-stream
 * bug fixed. Nothing happens before the click: then the camera opens, the socket connects and
 * joins, and the newcomer waits for a peer already in the room to send an offer after it hears of
 * the newcomer. It speaks Parley's protocol to the same server, so only the flow differs.
 */
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type RelayedSignal, type SignalPayload } from '../src/shared/protocol';

declare global {
  interface Window {
    naiveJoin(room: string, name: string): Promise<void>;
    /** Hangs up and leaves the room, as Parley's Leave button does (not a dropped connection). */
    naiveLeave(): void;
    __naiveMarks: Record<string, number>;
  }
}

const marks: Record<string, number> = {};
window.__naiveMarks = marks;

window.naiveJoin = async (room, name) => {
  marks['click'] = performance.now();
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480, frameRate: 15 } });
  const socket = io({ transports: ['websocket'] });
  const pcs = new Map<string, RTCPeerConnection>();
  const send = (to: string, payload: SignalPayload) => socket.emit('signal', { to, payload }, () => undefined);

  const connection = (peerId: string): RTCPeerConnection => {
    const existing = pcs.get(peerId);
    if (existing) return existing;
    const pc = new RTCPeerConnection({ iceServers: [] });
    pcs.set(peerId, pc);
    for (const track of stream.getTracks()) pc.addTrack(track, stream);
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) send(peerId, { kind: 'candidate', candidate: { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex, usernameFragment: candidate.usernameFragment } });
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected') marks['connected'] ??= performance.now();
    };
    // The fix: build the remote stream from tracks, whether or not the sender named a stream.
    const remote = new MediaStream();
    pc.ontrack = ({ track }) => {
      remote.addTrack(track);
      if (track.kind !== 'video') return;
      const video = document.createElement('video');
      video.muted = true;
      video.autoplay = true;
      video.srcObject = remote;
      document.body.append(video);
      video.requestVideoFrameCallback(() => (marks['firstFrame'] ??= performance.now()));
    };
    return pc;
  };

  socket.on('signal', async ({ from, payload }: RelayedSignal) => {
    const pc = connection(from);
    if (payload.kind === 'candidate') {
      if (payload.candidate) await pc.addIceCandidate(payload.candidate);
      return;
    }
    if (payload.kind !== 'description') return; // the naive client never restarts ICE on request
    await pc.setRemoteDescription(payload.description);
    if (payload.description.type === 'offer') {
      marks['setLocalDescription'] ??= performance.now();
      await pc.setLocalDescription();
      send(from, { kind: 'description', description: { type: 'answer', sdp: pc.localDescription!.sdp } });
    }
  });

  // Someone already here offers to each newcomer after the server tells them about it.
  socket.on('peer-joined', async ({ id }: { id: string }) => {
    const pc = connection(id);
    marks['setLocalDescription'] ??= performance.now();
    await pc.setLocalDescription();
    send(id, { kind: 'description', description: { type: 'offer', sdp: pc.localDescription!.sdp } });
  });

  // A peer that left is hung up on: left open, its connection would keep encoding for a while and
  // slow every later run of the benchmark (both flows share the machine).
  socket.on('peer-left', ({ id }: { id: string }) => {
    pcs.get(id)?.close();
    pcs.delete(id);
  });

  window.naiveLeave = () => {
    for (const pc of pcs.values()) pc.close();
    for (const track of stream.getTracks()) track.stop();
    socket.disconnect();
  };

  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  await socket.timeout(8000).emitWithAck('join', { room, name, protocolVersion: PROTOCOL_VERSION });
};
