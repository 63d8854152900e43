/**
 * A remote tile's sound menu: how loud this participant is for us (0–200%, React Aria's Slider:
 * arrows, Page Up/Down, Home/End, the value read as a percentage in the user's language) and
 * "Mute for me". Only we hear the difference; the choice lasts for the call (store/listeningSlice).
 */
import { Button, Dialog, DialogTrigger, Label, Popover, Slider, SliderOutput, SliderThumb, SliderTrack, Switch } from 'react-aria-components';
import { MAX_VOLUME } from '../../call/remoteAudio';
import { useText } from '../../i18n/useText';
import { Volume2, VolumeX } from '../../ui/icons';
import { useParley } from '../../store';
import { listeningTo } from '../../store/listeningSlice';

/** Five percent a step: fine enough to balance two voices, few enough presses to reach 200%. */
const STEP = 0.05;

export function PeerSoundMenu({ peerId, name }: { peerId: string; name: string }) {
  const t = useText();
  const listening = useParley((state) => listeningTo(state, peerId));
  const setVolume = useParley((state) => state.setPeerVolume);
  const setMutedForMe = useParley((state) => state.setPeerMutedForMe);
  const changed = listening.mutedForMe || listening.volume !== 1;
  const Shape = listening.mutedForMe || listening.volume === 0 ? VolumeX : Volume2;
  return (
    <DialogTrigger>
      <Button className="tile__action" aria-label={t('call.tile.soundName', { name })} data-changed={changed || undefined}>
        <Shape aria-hidden="true" focusable="false" />
      </Button>
      <Popover className="menu-popover sound-popover" placement="bottom end">
        <Dialog className="sound-menu" aria-label={t('call.tile.soundName', { name })}>
          <Slider className="sound-menu__slider" value={listening.volume} onChange={(volume) => setVolume(peerId, volume)} minValue={0} maxValue={MAX_VOLUME} step={STEP} formatOptions={{ style: 'percent' }} isDisabled={listening.mutedForMe}>
            <div className="sound-menu__row">
              <Label>{t('call.tile.volumeName', { name })}</Label>
              <SliderOutput className="sound-menu__value" />
            </div>
            <SliderTrack className="sound-menu__track">
              <SliderThumb className="sound-menu__thumb" autoFocus={!listening.mutedForMe} />
            </SliderTrack>
          </Slider>
          <Switch className="sound-menu__switch" autoFocus={listening.mutedForMe} isSelected={listening.mutedForMe} onChange={(muted) => setMutedForMe(peerId, muted)}>
            <span className="sound-menu__switch-indicator" aria-hidden="true" />
            {t('call.tile.muteForMe')}
          </Switch>
          <p className="sound-menu__hint">{t('call.tile.soundHint')}</p>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
