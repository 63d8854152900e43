/**
 * "You are talking while muted": while muted in a call, a copy of the microphone track (the sent
 * one stays disabled) is listened to; when it carries speech-level sound for most of a second, a
 * hint says so and how to unmute. It goes away by itself after a few seconds, or on unmuting.
 * The copy lives only while muted, and nothing of it leaves this machine.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LevelMeter } from '../../call/levelMeter';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { shortcutLabel } from '../shortcuts/callShortcuts';

/** Level (LevelMeter's 0..1 scale) above which the microphone hears a voice rather than a room. */
const SPEAKING_LEVEL = 0.12;
const SAMPLE_MS = 100;
/** How many of the last ten samples must be loud. */
const LOUD_SAMPLES = 6;
const SHOWN_MS = 5000;

export function TalkingWhileMuted() {
  const t = useText();
  const s = useParley(useShallow((state) => ({ muted: state.muted, track: state.microphoneTrack, inCall: state.phase === 'in-call' })));
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (!s.muted || !s.inCall || !s.track || s.track.readyState === 'ended') return;
    const copy = s.track.clone();
    copy.enabled = true;
    const meter = new LevelMeter(copy);
    const recent: boolean[] = [];
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    const sampler = setInterval(() => {
      recent.push(meter.read() > SPEAKING_LEVEL);
      if (recent.length > 10) recent.shift();
      if (recent.filter(Boolean).length < LOUD_SAMPLES) return;
      recent.length = 0;
      setShown(true);
      clearTimeout(hideTimer);
      hideTimer = setTimeout(() => setShown(false), SHOWN_MS);
    }, SAMPLE_MS);
    return () => {
      clearInterval(sampler);
      clearTimeout(hideTimer);
      meter.close();
      copy.stop();
      setShown(false);
    };
  }, [s.muted, s.inCall, s.track]);

  const visible = shown && s.muted && s.inCall;
  return (
    <p className={`talking-muted${visible ? ' talking-muted--shown' : ''}`} role="status" aria-live="polite">
      {visible ? t('desktop.talkingWhileMuted', { key: shortcutLabel('microphone') }) : ''}
    </p>
  );
}
