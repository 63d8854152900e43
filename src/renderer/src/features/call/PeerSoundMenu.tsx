/**
 * A remote tile's sound menu: how loud this participant is for us (0–200%) and "Mute for me".
 * Only we hear the difference; the choice lasts for the call (store/listeningSlice).
 *
 * The menu is React Aria's DialogTrigger and Popover (focus moved in and given back, Escape), which
 * the app's menus already load. The volume is a native range input and the mute a native switch:
 * both are what screen readers and keyboards know (arrows, Page Up/Down, Home/End; the value read
 * as a percentage in the user's language through aria-valuetext), and they cost nothing to load,
 * where React Aria's Slider and Switch added 7 KB gzip to the first screen's JavaScript.
 */
import { useId } from 'react';
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import { MAX_VOLUME } from '../../call/listening';
import { useFormat } from '../../i18n/format';
import { useText } from '../../i18n/useText';
import { Volume2, VolumeX } from '../../ui/icons';
import { useParley } from '../../store';
import { listeningTo } from '../../store/listeningSlice';

/** Five percent a step: fine enough to balance two voices, few enough presses to reach 200%. */
const STEP = 0.05;

export function PeerSoundMenu({ peerId, name }: { peerId: string; name: string }) {
  const t = useText();
  const format = useFormat();
  const volumeId = useId();
  const listening = useParley((state) => listeningTo(state, peerId));
  const setVolume = useParley((state) => state.setPeerVolume);
  const setMutedForMe = useParley((state) => state.setPeerMutedForMe);
  const changed = listening.mutedForMe || listening.volume !== 1;
  const Shape = listening.mutedForMe || listening.volume === 0 ? VolumeX : Volume2;
  const percent = format.number(listening.volume, { style: 'percent' });
  return (
    <DialogTrigger>
      <Button className="tile__action" aria-label={t('call.tile.soundName', { name })} data-changed={changed || undefined}>
        <Shape aria-hidden="true" focusable="false" />
      </Button>
      <Popover className="menu-popover sound-popover" placement="bottom end">
        <Dialog className="sound-menu" aria-label={t('call.tile.soundName', { name })}>
          <div className="sound-menu__row">
            <label htmlFor={volumeId}>{t('call.tile.volumeName', { name })}</label>
            <output htmlFor={volumeId} className="sound-menu__value">
              {percent}
            </output>
          </div>
          <input
            id={volumeId}
            type="range"
            className="sound-menu__slider"
            min={0}
            max={MAX_VOLUME}
            step={STEP}
            value={listening.volume}
            aria-valuetext={percent}
            disabled={listening.mutedForMe}
            // The menu opens on what it is for, as a menu opens on its first item.
            autoFocus={!listening.mutedForMe}
            onChange={(event) => setVolume(peerId, Number(event.target.value))}
          />
          <label className="sound-menu__switch">
            <input
              type="checkbox"
              role="switch"
              checked={listening.mutedForMe}
              // With the volume disabled, the switch is what the menu is for.
              autoFocus={listening.mutedForMe}
              onChange={(event) => setMutedForMe(peerId, event.target.checked)}
            />
            <span className="sound-menu__switch-indicator" aria-hidden="true" />
            {t('call.tile.muteForMe')}
          </label>
          <p className="sound-menu__hint">{t('call.tile.soundHint')}</p>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
