import { useParley } from '../../store';

const yesNo = (value: boolean | undefined) => (value === undefined ? '—' : value ? 'on' : 'off');

/** What the tracks really deliver (getSettings()), which may differ from what was asked for. */
export function MediaInfo() {
  const info = useParley((state) => state.mediaInfo);
  const { video, audio } = info;
  return (
    <details className="media-info">
      <summary>Media info</summary>
      <dl>
        <dt>Video</dt>
        <dd>{video ? `${video.width ?? '?'}×${video.height ?? '?'} at ${video.frameRate?.toFixed(0) ?? '?'} fps` : 'none'}</dd>
        <dt>Audio</dt>
        <dd>
          {audio
            ? `${audio.sampleRate ?? '?'} Hz, ${audio.channelCount ?? '?'} channel(s); noise suppression ${yesNo(audio.noiseSuppression)}, echo cancellation ${yesNo(audio.echoCancellation)}, automatic gain ${yesNo(audio.autoGainControl)}`
            : 'none'}
        </dd>
      </dl>
    </details>
  );
}
