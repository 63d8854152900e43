import { useEffect, useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../../../../shared/i18n/catalogs';
import { isPersonEffect, VIDEO_EFFECTS, type VideoEffect } from '../../call/effects';
import { BUILT_IN_BACKGROUNDS, paintBackground, type BackgroundChoice, type BuiltInBackground } from '../../call/segmentation/backgrounds';
import { personEffectsSupported } from '../../call/segmentation/personEffects';
import { useText } from '../../i18n/useText';
import { useParley } from '../../store';
import { Field } from '../ui/Field';

const EFFECT_LABELS: Record<VideoEffect, MessageKey> = {
  none: 'media.effect.none',
  'background-blur': 'media.effect.background-blur',
  'background-image': 'media.effect.background-image',
  blur: 'media.effect.blur',
  grayscale: 'media.effect.grayscale',
  invert: 'media.effect.invert',
  sepia: 'media.effect.sepia',
};

const BACKGROUND_LABELS: Record<BackgroundChoice, MessageKey> = {
  dawn: 'media.background.dawn',
  lagoon: 'media.background.lagoon',
  study: 'media.background.study',
  own: 'media.background.own',
};

/** A small picture of one of our backgrounds, painted by the same code that paints the video. */
function Swatch({ background }: { background: BuiltInBackground }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (context) paintBackground(background, context, 64, 36);
  }, [background]);
  return <canvas ref={canvas} className="background-choice__swatch" width={64} height={36} aria-hidden="true" />;
}

/** The video effect, and for "Replace my background" which background: ours, or a picture of the user's. */
export function EffectSettings() {
  const t = useText();
  const groupName = useId();
  const legendId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const s = useParley(
    useShallow((state) => ({
      effect: state.effect,
      setEffect: state.setEffect,
      background: state.background,
      setBackground: state.setBackground,
      hasOwnBackground: state.hasOwnBackground,
      chooseOwnBackground: state.chooseOwnBackground,
    })),
  );
  const choices: BackgroundChoice[] = [...BUILT_IN_BACKGROUNDS, ...(s.hasOwnBackground ? (['own'] as const) : [])];
  return (
    <>
      <Field label={t('media.effect')}>
        {(id) => (
          <select id={id} value={s.effect} onChange={(e) => s.setEffect(e.target.value as VideoEffect)}>
            {VIDEO_EFFECTS.map((effect) => (
              <option key={effect} value={effect}>
                {t(EFFECT_LABELS[effect])}
              </option>
            ))}
          </select>
        )}
      </Field>
      {isPersonEffect(s.effect) && !personEffectsSupported() && <p className="field__hint">{t('media.background.unsupported')}</p>}
      {s.effect === 'background-image' && (
        <fieldset aria-labelledby={legendId} className="background-choice">
          <legend id={legendId}>{t('media.background')}</legend>
          {choices.map((choice) => (
            <label key={choice} className="check">
              <input type="radio" name={groupName} value={choice} checked={s.background === choice} onChange={() => s.setBackground(choice)} />
              {choice !== 'own' && <Swatch background={choice} />}
              {t(BACKGROUND_LABELS[choice])}
            </label>
          ))}
          <button type="button" className="button button--small" onClick={() => fileInput.current?.click()}>
            {t('media.background.choose')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void s.chooseOwnBackground(file);
            }}
          />
        </fieldset>
      )}
    </>
  );
}
