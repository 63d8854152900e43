import { useEffect, useRef, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_PORT } from '../../../../shared/protocol';
import { useMessageText, useText } from '../../i18n/useText';
import { platform } from '../../platform';
import { useParley } from '../../store';
import { VideoTile } from '../call/VideoTile';
import { DeviceSettings } from '../media/DeviceSettings';
import { MediaNotices } from '../media/MediaNotices';
import { Field } from '../ui/Field';
import { NearbyRooms } from './NearbyRooms';
import { NetworkSettings } from './NetworkSettings';
import { TrustPrompt } from './TrustPrompt';

/** Typing pauses this long before the join is prepared for the new address. */
const PREPARE_AFTER_MS = 300;
/** An example of what to type: an address, not words, so the same in every language. */
const EXAMPLE_ADDRESS = `192.168.1.20:${DEFAULT_PORT}`;
const PASSCODE_ERRORS = new Set<string>(['PASSCODE_REQUIRED', 'WRONG_PASSCODE']);
/** Failures where trying the same thing again may well work (the host was busy, away, or is back). */
const RETRYABLE = new Set<string>([
  'UNREACHABLE',
  'TIMEOUT',
  'HOST_LOST',
  'NOT_PARLEY',
  'ROOM_FULL',
  'ROOM_LOCKED',
  'PASSCODE_REQUIRED',
  'WRONG_PASSCODE',
  'RATE_LIMITED',
  'PORT_IN_USE',
  'HOSTING_FAILED',
  'CERTIFICATE_DECLINED',
  'INTERNAL',
]);

export function HomeScreen() {
  const state = useParley(
    useShallow((s) => ({
      hostAddress: s.hostAddress,
      room: s.room,
      displayName: s.displayName,
      passcode: s.passcode,
      phase: s.phase,
      error: s.error,
      pendingTrust: s.pendingTrust,
      invitedFingerprint: s.invitedFingerprint,
      previewStream: s.previewStream,
      muted: s.muted,
      cameraOff: s.cameraOff,
    })),
  );
  const actions = useParley(
    useShallow((s) => ({
      typeHostAddress: s.typeHostAddress,
      confirmTrust: s.confirmTrust,
      declineTrust: s.declineTrust,
      setRoom: s.setRoom,
      setDisplayName: s.setDisplayName,
      setPasscode: s.setPasscode,
      join: s.join,
      retry: s.retry,
      host: s.host,
      openMedia: s.openMedia,
      prepareJoin: s.prepareJoin,
      dismissError: s.dismissError,
      toggleMute: s.toggleMute,
      toggleCamera: s.toggleCamera,
    })),
  );
  const t = useText();
  const messageText = useMessageText();
  const canHost = platform().hosting !== null;
  const busy = state.phase === 'joining';

  // A passcode problem puts the cursor where the fix goes.
  const passcodeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.error && PASSCODE_ERRORS.has(state.error.code)) passcodeInput.current?.focus();
  }, [state.error]);

  // Open the camera now, not on click: the preview shows at once and joining does not wait for it.
  useEffect(() => {
    void actions.openMedia();
  }, [actions]);

  // Get the join ready while the user is still here (a connection with its offer, the host's
  // connection): a moment after each change, and again when the pointer or focus reaches Join.
  useEffect(() => {
    if (state.phase !== 'idle') return;
    const timer = setTimeout(actions.prepareJoin, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [actions, state.phase, state.hostAddress, state.previewStream]);

  const onJoin = (event: FormEvent): void => {
    event.preventDefault();
    void actions.join();
  };

  return (
    <main className="home">
      <h1 className="home__title">{t('home.title')}</h1>
      <div className="home__layout">
        <div className="home__preview">
          <VideoTile stream={state.previewStream} name={state.displayName} isSelf audioMuted={state.muted} videoOff={state.cameraOff} />
          <div className="controls" role="toolbar" aria-label={t('home.preview.toolbar')}>
            <button type="button" className="button" aria-pressed={state.muted} onClick={actions.toggleMute}>
              {t('call.controls.mute')}
            </button>
            <button type="button" className="button" aria-pressed={state.cameraOff} onClick={() => void actions.toggleCamera()}>
              {t('call.controls.cameraOff')}
            </button>
          </div>
          <MediaNotices />
          <DeviceSettings />
        </div>
        <form className="home__form" onSubmit={onJoin} aria-busy={busy}>
          <Field label={t('home.form.displayName')}>
            {(id) => (
              <input
                id={id}
                name="displayName"
                autoComplete="nickname"
                value={state.displayName}
                onChange={(e) => actions.setDisplayName(e.target.value)}
                required
                maxLength={48}
              />
            )}
          </Field>
          <Field label={t('home.form.room')}>
            {(id) => <input id={id} name="room" value={state.room} onChange={(e) => actions.setRoom(e.target.value)} required maxLength={64} />}
          </Field>
          <Field label={t('home.form.hostAddress')}>
            {(id) => (
              <input
                id={id}
                name="hostAddress"
                placeholder={EXAMPLE_ADDRESS}
                inputMode="url"
                spellCheck={false}
                value={state.hostAddress}
                onChange={(e) => actions.typeHostAddress(e.target.value)}
                aria-describedby={state.invitedFingerprint ? 'invite-note' : undefined}
              />
            )}
          </Field>
          {state.invitedFingerprint && (
            <p id="invite-note" className="home__hint">
              {t('home.form.inviteNote')}
            </p>
          )}
          <Field label={t('home.form.passcode')}>
            {(id) => (
              <input
                id={id}
                name="passcode"
                type="password"
                autoComplete="off"
                maxLength={64}
                aria-describedby="passcode-hint"
                value={state.passcode}
                onChange={(e) => actions.setPasscode(e.target.value)}
                ref={passcodeInput}
              />
            )}
          </Field>
          <p id="passcode-hint" className="home__hint">
            {t('home.form.passcodeHint')}
          </p>
          <div className="home__actions">
            <button type="submit" className="button button--primary" disabled={busy} onPointerEnter={actions.prepareJoin} onFocus={actions.prepareJoin}>
              {t('home.join')}
            </button>
            {canHost && (
              <button type="button" className="button" disabled={busy} onClick={() => void actions.host()}>
                {t('home.hostARoom')}
              </button>
            )}
          </div>
          {state.pendingTrust && (
            <TrustPrompt code={state.pendingTrust.code} onConfirm={() => void actions.confirmTrust()} onCancel={actions.declineTrust} />
          )}
          {busy && (
            <p role="status" className="home__busy">
              {t('home.connecting')}
            </p>
          )}
          {state.error && (
            <div className="error" role="alert">
              <p>{messageText(state.error.message)}</p>
              {RETRYABLE.has(state.error.code) && (
                <button type="button" className="button button--small" onClick={() => void actions.retry()}>
                  {t('common.tryAgain')}
                </button>
              )}
              <button type="button" className="button button--small" onClick={actions.dismissError}>
                {t('common.dismiss')}
              </button>
            </div>
          )}
          <NearbyRooms disabled={busy || state.phase === 'confirming'} />
          <NetworkSettings />
        </form>
      </div>
    </main>
  );
}
