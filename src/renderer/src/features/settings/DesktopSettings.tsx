/**
 * How Parley behaves on the desktop: what closing the window does, the system-wide mute shortcut
 * (press the keys to record it; main says when another program holds them), notifications,
 * sounds and the mini window. Each choice is remembered; those main follows are reported to it.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { acceleratorFromKey, displayAccelerator, parseAccelerator } from '../../../../shared/accelerator';
import { DEFAULT_GLOBAL_MUTE } from '../../../../shared/globalMuteDefault';
import type { GlobalShortcutStatus, PushToTalkStatus } from '../../../../shared/ipc';
import { DEFAULT_PUSH_TO_TALK_KEY, pushToTalkKeyFromCode } from '../../../../shared/pushToTalkKey';
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import { useText } from '../../i18n/useText';
import { KeyChoiceField } from './KeyChoiceField';
import { platform } from '../../platform';
import { useParley } from '../../store';
import type { SoundName } from '../../store/settingsSlice';

const SOUND_LABELS: Record<SoundName, MessageKey> = { join: 'desktop.settings.soundJoin', leave: 'desktop.settings.soundLeave', message: 'desktop.settings.soundMessage' };
const STATUS_TEXT: Record<GlobalShortcutStatus['state'], MessageKey> = {
  off: 'desktop.settings.shortcutOff',
  waiting: 'desktop.settings.shortcutWaiting',
  active: 'desktop.settings.shortcutActive',
  taken: 'desktop.settings.shortcutTaken',
  unsupported: 'desktop.settings.shortcutUnsupported',
};

const PUSH_TO_TALK_TEXT: Record<NonNullable<PushToTalkStatus['reason']> | 'waiting' | 'active', MessageKey> = {
  waiting: 'desktop.settings.pushToTalkWaiting',
  active: 'desktop.settings.pushToTalkActive',
  wayland: 'desktop.settings.pushToTalkWayland',
  accessibility: 'desktop.settings.pushToTalkAccessibility',
  'no-hook': 'desktop.settings.pushToTalkNoHook',
  'unknown-key': 'desktop.settings.shortcutInvalid',
};

/** Main's view of the global mute shortcut and of push-to-talk, read again whenever main says it changed. */
function useShortcutStatus(): { globalMute: GlobalShortcutStatus | null; pushToTalk: PushToTalkStatus | null } {
  const [status, setStatus] = useState<{ globalMute: GlobalShortcutStatus | null; pushToTalk: PushToTalkStatus | null }>({ globalMute: null, pushToTalk: null });
  useEffect(() => {
    const shortcut = platform().shortcut;
    if (!shortcut) return;
    const read = (): void =>
      void Promise.all([shortcut.status(), shortcut.pushToTalk()]).then(
        ([globalMute, pushToTalk]) => setStatus({ globalMute: globalMute.ok ? globalMute.data : null, pushToTalk: pushToTalk.ok ? pushToTalk.data : null }),
        () => undefined,
      );
    read();
    return shortcut.onChanged(read);
  }, []);
  return status;
}

export function DesktopSettings() {
  const t = useText();
  const legendId = useId();
  const { desktop, setDesktop, setSound } = useParley(useShallow((state) => ({ desktop: state.desktop, setDesktop: state.setDesktop, setSound: state.setSound })));
  const isDesktopApp = platform().kind === 'desktop';
  const { globalMute: status, pushToTalk } = useShortcutStatus();
  const [problem, setProblem] = useState<MessageKey | null>(null);

  const choosePushToTalkKey = (event: KeyboardEvent<HTMLButtonElement>): boolean => {
    const key = pushToTalkKeyFromCode(event.code);
    if (!key) return false;
    setDesktop({ pushToTalkKey: key });
    return true;
  };
  const pushToTalkText = (): string => {
    if (!desktop.pushToTalkKey) return t('desktop.settings.pushToTalkOff');
    if (!pushToTalk || pushToTalk.key !== desktop.pushToTalkKey || pushToTalk.state === 'off') return t('desktop.settings.pushToTalkWaiting');
    return t(PUSH_TO_TALK_TEXT[pushToTalk.state === 'unavailable' ? (pushToTalk.reason ?? 'no-hook') : pushToTalk.state]);
  };

  const chooseGlobalMute = (event: KeyboardEvent<HTMLButtonElement>): boolean => {
    const accelerator = acceleratorFromKey(event, platform().isMac);
    if (!accelerator) return false; // only modifiers so far
    const checked = parseAccelerator(accelerator);
    if (!checked.ok) {
      setProblem(checked.reason === 'no-modifier' ? 'desktop.settings.shortcutNeedsModifier' : 'desktop.settings.shortcutInvalid');
      return false;
    }
    setProblem(null);
    setDesktop({ globalMuteShortcut: checked.accelerator });
    return true;
  };

  const shortcutText = desktop.globalMuteShortcut ? displayAccelerator(desktop.globalMuteShortcut, platform().isMac) : t('desktop.settings.shortcutNone');
  const statusKey = problem ?? (status && status.accelerator === desktop.globalMuteShortcut ? STATUS_TEXT[status.state] : null);

  return (
    <fieldset className="desktop-settings" aria-labelledby={legendId}>
      <legend id={legendId}>{t('desktop.settings.title')}</legend>
      {isDesktopApp && (
        <label className="check">
          <input type="checkbox" checked={desktop.closeEndsCall} onChange={(event) => setDesktop({ closeEndsCall: event.target.checked })} />
          {t('desktop.settings.closeEndsCall')}
        </label>
      )}
      {isDesktopApp && (
        <KeyChoiceField
          label={t('desktop.settings.globalMute')}
          shown={shortcutText}
          prompt={t('desktop.settings.shortcutPress')}
          onKey={chooseGlobalMute}
          onStart={() => setProblem(null)}
          turnOff={desktop.globalMuteShortcut ? { label: t('desktop.settings.shortcutTurnOff'), onPress: () => setDesktop({ globalMuteShortcut: null }) } : null}
          reset={{ label: t('desktop.settings.shortcutDefault'), onPress: () => setDesktop({ globalMuteShortcut: DEFAULT_GLOBAL_MUTE }) }}
          hint={statusKey ? t(statusKey) : t('desktop.settings.shortcutWaiting')}
          hintIsError={status?.state === 'taken' || problem !== null}
        />
      )}
      {isDesktopApp && (
        <KeyChoiceField
          label={t('desktop.settings.pushToTalk')}
          shown={desktop.pushToTalkKey ?? t('desktop.settings.shortcutNone')}
          prompt={t('desktop.settings.pushToTalkPress')}
          onKey={choosePushToTalkKey}
          turnOff={desktop.pushToTalkKey ? { label: t('desktop.settings.shortcutTurnOff'), onPress: () => setDesktop({ pushToTalkKey: null }) } : null}
          reset={{ label: t('desktop.settings.pushToTalkUseF9'), onPress: () => setDesktop({ pushToTalkKey: DEFAULT_PUSH_TO_TALK_KEY }) }}
          hint={pushToTalkText()}
          hintIsError={pushToTalk?.state === 'unavailable' && Boolean(desktop.pushToTalkKey)}
        />
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={desktop.notifyInBackground}
          onChange={(event) => {
            setDesktop({ notifyInBackground: event.target.checked });
            if (event.target.checked) platform().askToNotify();
          }}
        />
        {t('desktop.settings.notify')}
      </label>
      {(Object.keys(SOUND_LABELS) as SoundName[]).map((sound) => (
        <label key={sound} className="check">
          <input type="checkbox" checked={desktop.sounds[sound]} onChange={(event) => setSound(sound, event.target.checked)} />
          {t(SOUND_LABELS[sound])}
        </label>
      ))}
      {isDesktopApp && (
        <label className="check">
          <input type="checkbox" checked={desktop.miniWindow} onChange={(event) => setDesktop({ miniWindow: event.target.checked })} />
          {t('desktop.settings.miniWindow')}
        </label>
      )}
    </fieldset>
  );
}
