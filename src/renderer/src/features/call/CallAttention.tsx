/**
 * What tells you something happened in the call when you are not looking: a sound for a join, a
 * leave or a message (each can be switched off), and while the window is not in front, a system
 * notification (main's in the app, the Notification API in a browser). Renders nothing.
 */
import { useEffect } from 'react';
import { SoundPlayer, type Cue } from '../../call/sounds';
import { useText } from '../../i18n/useText';
import { platform } from '../../platform';
import { useParley } from '../../store';
import { cuesBetween, type CallCue } from '../../store/callCues';

const SOUND_FOR: Record<CallCue['kind'], Cue> = { joined: 'join', left: 'leave', message: 'message', file: 'message' };
const MAX_BODY = 200;

export function CallAttention() {
  const t = useText();
  useEffect(() => {
    const sounds = new SoundPlayer();
    sounds.setOutput(useParley.getState().speakerId ?? '');
    const words = (cue: CallCue): { title: string; body: string } => {
      const room = useParley.getState().joinedRoom ?? '';
      switch (cue.kind) {
        case 'joined':
          return { title: t('desktop.notify.joined', { name: cue.name }), body: room };
        case 'left':
          return { title: t('desktop.notify.left', { name: cue.name }), body: room };
        case 'message':
          return { title: t('desktop.notify.message', { name: cue.name }), body: cue.text.length > MAX_BODY ? `${cue.text.slice(0, MAX_BODY - 1)}…` : cue.text };
        case 'file':
          return { title: t('desktop.notify.file', { name: cue.name }), body: cue.fileName };
      }
    };
    const unsubscribe = useParley.subscribe((after, before) => {
      if (after.speakerId !== before.speakerId) sounds.setOutput(after.speakerId ?? '');
      const { sounds: soundOn, notifyInBackground } = after.desktop;
      for (const cue of cuesBetween(before, after)) {
        const sound = SOUND_FOR[cue.kind];
        if (soundOn[sound]) sounds.play(sound);
        const inFront = document.visibilityState === 'visible' && document.hasFocus();
        if (notifyInBackground && !inFront) void platform().notify({ kind: cue.kind, ...words(cue) }).catch(() => false);
      }
    });
    return () => {
      unsubscribe();
      sounds.close();
    };
  }, [t]);
  return null;
}
