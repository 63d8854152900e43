/**
 * A local recording of the whole call: every tile drawn into one canvas (a grid, like the screen)
 * and every voice mixed into one track, recorded with MediaRecorder. MP4 (H.264) where the
 * platform's MediaRecorder can encode it, because the players macOS ships cannot open WebM; WebM
 * (VP8/VP9 with Opus) otherwise. The saved file's extension says which. Nothing leaves the
 * machine; the UI offers play-back and save.
 */
export interface RecordingSources {
  videos: HTMLVideoElement[];
  audioTracks: MediaStreamTrack[];
}

const SIZE = { width: 1280, height: 720 };
const FPS = 15;

/**
 * Best first: H.264 with AAC plays everywhere (QuickTime included); H.264 with Opus in most
 * players; then WebM. MP4 with VP9 is left out on purpose: the players that need MP4 cannot
 * decode VP9 either, so it would only hide the WebM it is.
 */
export const RECORDING_TYPES = [
  'video/mp4;codecs=avc1.42E01F,mp4a.40.2',
  'video/mp4;codecs=avc1,mp4a.40.2',
  'video/mp4;codecs=avc1.42E01F,opus',
  'video/mp4;codecs=avc1,opus',
  'video/webm;codecs=vp8,opus',
  'video/webm;codecs=vp9,opus',
  'video/webm',
] as const;

export function pickRecordingType(isSupported: (type: string) => boolean): string {
  return RECORDING_TYPES.find((type) => isSupported(type)) ?? '';
}

/** The file extension for a recording of this type: what the file is, whatever was asked for. */
export function recordingExtension(type: string): 'mp4' | 'webm' {
  return type.startsWith('video/mp4') ? 'mp4' : 'webm';
}

export class CallRecorder {
  private readonly chunks: Blob[] = [];
  private recorder: MediaRecorder | undefined;
  private cleanup: (() => void) | undefined;
  readonly mimeType = pickRecordingType((type) => MediaRecorder.isTypeSupported(type));

  /** `sources` is asked on every frame, so people who join or leave mid-recording are drawn too. */
  constructor(private readonly sources: () => RecordingSources) {}

  start(): void {
    const canvas = document.createElement('canvas');
    canvas.width = SIZE.width;
    canvas.height = SIZE.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Recording needs a 2D canvas');
    const timer = setInterval(() => drawGrid(context, this.sources().videos), 1000 / FPS);

    // Voices present when recording starts are mixed; the mix is one track in the file.
    const audio = new AudioContext();
    const mix = audio.createMediaStreamDestination();
    for (const track of this.sources().audioTracks) audio.createMediaStreamSource(new MediaStream([track])).connect(mix);

    const stream = new MediaStream([...canvas.captureStream(FPS).getVideoTracks(), ...mix.stream.getAudioTracks()]);
    const recorder = new MediaRecorder(stream, this.mimeType ? { mimeType: this.mimeType } : undefined);
    recorder.ondataavailable = ({ data }) => {
      if (data.size > 0) this.chunks.push(data);
    };
    recorder.start(1000);
    this.recorder = recorder;
    this.cleanup = () => {
      clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
      void audio.close();
    };
  }

  stop(): Promise<Blob> {
    const recorder = this.recorder;
    if (!recorder) return Promise.reject(new Error('Not recording'));
    return new Promise((resolve) => {
      recorder.onstop = () => {
        this.cleanup?.();
        resolve(new Blob(this.chunks, { type: recorder.mimeType || 'video/webm' }));
      };
      recorder.stop();
    });
  }
}

function drawGrid(context: CanvasRenderingContext2D, videos: HTMLVideoElement[]): void {
  context.fillStyle = '#000';
  context.fillRect(0, 0, SIZE.width, SIZE.height);
  const playing = videos.filter((v) => v.videoWidth > 0);
  if (playing.length === 0) return;
  const columns = Math.ceil(Math.sqrt(playing.length));
  const rows = Math.ceil(playing.length / columns);
  const cell = { width: SIZE.width / columns, height: SIZE.height / rows };
  playing.forEach((video, index) => {
    const scale = Math.min(cell.width / video.videoWidth, cell.height / video.videoHeight);
    const width = video.videoWidth * scale;
    const height = video.videoHeight * scale;
    const x = (index % columns) * cell.width + (cell.width - width) / 2;
    const y = Math.floor(index / columns) * cell.height + (cell.height - height) / 2;
    context.drawImage(video, x, y, width, height);
  });
}
