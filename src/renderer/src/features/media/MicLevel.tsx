import { useEffect, useRef } from 'react';
import { LevelMeter } from '../../call/levelMeter';

/** A live microphone level, drawn straight into the <meter> so it does not re-render React 60 times a second. */
export function MicLevel({ track }: { track: MediaStreamTrack | null }) {
  const meter = useRef<HTMLMeterElement>(null);

  useEffect(() => {
    if (!track) return;
    const level = new LevelMeter(track);
    let frame = requestAnimationFrame(function tick() {
      if (meter.current) meter.current.value = level.read();
      frame = requestAnimationFrame(tick);
    });
    return () => {
      cancelAnimationFrame(frame);
      level.close();
    };
  }, [track]);

  return <meter ref={meter} className="mic-level" aria-label="Microphone level" min={0} max={1} low={0.1} high={0.8} value={0} />;
}
