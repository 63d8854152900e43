/**
 * The call's single-key shortcuts (see callShortcuts.ts) and push-to-talk: hold Space while muted
 * to talk, release to be muted again; only while the window has the focus and neither a text field
 * nor a control that Space itself presses has it. Leaving the window while holding Space (the key
 * up never arrives) mutes again too.
 */
import { useEffect } from 'react';
import { useParley } from '../../store';
import { PUSH_TO_TALK, shortcutFor, isTyping, spaceBelongsTo, type ShortcutAction } from './callShortcuts';

export function useCallShortcuts({ onHelp }: { onHelp: () => void }): void {
  useEffect(() => {
    let talking = false;
    const act = (action: ShortcutAction): void => {
      const state = useParley.getState();
      if (action === 'microphone') state.toggleMute();
      else if (action === 'camera') void state.toggleCamera();
      else if (action === 'share') {
        if (state.screenTrack) state.stopScreenShare();
        else void state.shareScreen();
      } else if (action === 'chat') state.toggleSidePanel('chat');
      else if (action === 'hand') state.toggleHand();
      else onHelp();
    };
    const stopTalking = (): void => {
      if (!talking) return;
      talking = false;
      if (!useParley.getState().muted) useParley.getState().toggleMute();
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      if (event.key === PUSH_TO_TALK.key && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (isTyping(event.target) || spaceBelongsTo(event.target)) return;
        event.preventDefault(); // no page scroll
        if (event.repeat || talking) return;
        if (!useParley.getState().muted) return;
        talking = true;
        useParley.getState().toggleMute();
        return;
      }
      if (event.repeat) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      act(action);
    };
    const onKeyUp = (event: KeyboardEvent): void => {
      if (event.key === PUSH_TO_TALK.key) stopTalking();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', stopTalking);
    return () => {
      stopTalking();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', stopTalking);
    };
  }, [onHelp]);
}
