import { isPersonEffect } from '../../call/effects';
import { useText, type Translate } from '../../i18n/useText';
import { useParley } from '../../store';

/** Shown for a setting the track does not report: a sign, not a word. */
const UNKNOWN = '?';
const NOT_REPORTED = '—';

/** Figures as the track reports them (no digit grouping: "48000 Hz", as in the browser's own tools). */
const figure = (value: number | string | undefined): string => (value === undefined ? UNKNOWN : String(value));

const onOff = (t: Translate, value: boolean | undefined): string => (value === undefined ? NOT_REPORTED : t(value ? 'media.info.on' : 'media.info.off'));

/**
 * What the tracks really deliver (getSettings()), which may differ from what was asked for:
 * folded away under "Media info" (DeviceSettings.tsx), a chunk of its own drawn when first opened.
 */
export function MediaInfo() {
  const t = useText();
  const info = useParley((state) => state.mediaInfo);
  const personEffect = useParley((state) => isPersonEffect(state.effect) && state.mediaInfo.video !== null);
  const effectFigures = useParley((state) => state.effectFigures);
  const { video, audio } = info;
  const videoText = video
    ? t('media.info.videoValue', { width: figure(video.width), height: figure(video.height), frameRate: figure(video.frameRate?.toFixed(0)) })
    : t('media.info.none');
  const audioText = audio
    ? t('media.info.audioValue', {
        sampleRate: figure(audio.sampleRate),
        channels: audio.channelCount === undefined ? UNKNOWN : t('media.info.channels', { count: audio.channelCount }),
        noiseSuppression: onOff(t, audio.noiseSuppression),
        echoCancellation: onOff(t, audio.echoCancellation),
        autoGainControl: onOff(t, audio.autoGainControl),
      })
    : t('media.info.none');
  return (
    <dl>
        <dt>{t('media.info.video')}</dt>
        <dd>{videoText}</dd>
        {personEffect && (
          <>
            <dt>{t('media.info.effect')}</dt>
            {/* What the background effect reaches on this machine, beside what the camera gives. */}
            <dd>
              {effectFigures
                ? t('media.info.effectValue', { frameRate: effectFigures.framesPerSecond.toFixed(0), ms: effectFigures.msPerFrame.toFixed(0) })
                : t('media.info.effectStarting')}
            </dd>
          </>
        )}
        <dt>{t('media.info.audio')}</dt>
        <dd>{audioText}</dd>
    </dl>
  );
}
