/**
 * A local recording of the whole call: every tile drawn into one canvas (a grid, like the screen)
 * and every voice mixed into one track, recorded with MediaRecorder as WebM. Nothing leaves the
 * machine; the UI offers play-back and save.
 */
export interface RecordingSources {
  videos: HTMLVideoElement[];
  audioTracks: MediaStreamTrack[];
}

const SIZE = { width: 1280, height: 720 };
const FPS = 15;

function pickMimeType(): string {
  const candidates = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'];
  return candidates.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
}

export class CallRecorder {
  private readonly chunks: Blob[] = [];
  private recorder: MediaRecorder | undefined;
  private cleanup: (() => void) | undefined;
  readonly mimeType = pickMimeType();

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
