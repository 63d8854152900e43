import { useEffect, useRef } from 'react';
import { LevelMeter } from '../../call/levelMeter';
import { useText } from '../../i18n/useText';

/**
 * How often the meter is redrawn. An eye reads a level meter fine at 15 Hz; redrawing it at the
 * display's 60 Hz cost the home screen about a fifth of a core (software compositing, measured
 * with the fake microphone), taken from the call that is about to start.
 */
const REDRAW_MS = 66;
/** Levels closer than this are drawn as the same, so a quiet room repaints nothing. */
const STEP = 0.02;

/** A live microphone level, drawn straight into the <meter> so it does not re-render React. */
export function MicLevel({ track }: { track: MediaStreamTrack | null }) {
  const meter = useRef<HTMLMeterElement>(null);
  const t = useText();

  useEffect(() => {
    if (!track) return;
    const level = new LevelMeter(track);
    const timer = setInterval(() => {
      const value = Math.round(level.read() / STEP) * STEP;
      if (meter.current && meter.current.value !== value) meter.current.value = value;
    }, REDRAW_MS);
    return () => {
      clearInterval(timer);
      level.close();
    };
  }, [track]);

  return <meter ref={meter} className="mic-level" aria-label={t('media.level')} min={0} max={1} low={0.1} high={0.8} value={0} />;
}
