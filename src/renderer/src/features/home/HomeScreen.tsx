import { useEffect, useId, useRef, type FormEvent } from 'react';
import { Toolbar } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_PORT } from '../../../../shared/protocol';
import { useMessageText, useText } from '../../i18n/useText';
import { platform } from '../../platform';
import { useParley } from '../../store';
import { VideoTile } from '../call/VideoTile';
import { DeviceSettings } from '../media/DeviceSettings';
import { DeviceToggle } from '../media/DeviceToggle';
import { MediaNotices } from '../media/MediaNotices';
import { Field } from '../ui/Field';
import { useFocusOnArrival } from '../ui/useFocusOnArrival';
import { errorPlace, type ErrorPlace } from './errorPlacement';
import { NearbyRooms } from './NearbyRooms';
import { FoldedSection } from '../ui/FoldedSection';
import { moreSettings, networkSettings } from './homeParts';
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
      organiserKey: s.organiserKey,
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
    })),
  );
  const t = useText();
  const messageText = useMessageText();
  const title = useFocusOnArrival<HTMLHeadingElement>();
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

  const place = state.error ? errorPlace(state.error) : null;
  const errorId = useId();
  /** The failure, shown where it belongs; the field it concerns points to it (aria-describedby). */
  const errorAt = (where: ErrorPlace) =>
    state.error && place === where ? (
      <div id={errorId} className="error" role="alert">
        <p>{messageText(state.error.message)}</p>
        <div className="error__actions">
          {RETRYABLE.has(state.error.code) && (
            <button type="button" className="button button--small" onClick={() => void actions.retry()}>
              {t('common.tryAgain')}
            </button>
          )}
          <button type="button" className="button button--small" onClick={actions.dismissError}>
            {t('common.dismiss')}
          </button>
        </div>
      </div>
    ) : null;
  const invalid = (where: ErrorPlace, describedBy?: string) => ({
    'aria-invalid': place === where || undefined,
    'aria-describedby': [place === where ? errorId : undefined, describedBy].filter(Boolean).join(' ') || undefined,
  });

  return (
    <main className="home">
      <h1 className="home__title" ref={title} tabIndex={-1}>
        {t('home.title')}
      </h1>
      <div className="home__layout">
        <div className="home__preview">
          <VideoTile stream={state.previewStream} name={state.displayName} isSelf audioMuted={state.muted} videoOff={state.cameraOff} />
          <Toolbar className="controls" aria-label={t('home.preview.toolbar')}>
            <DeviceToggle kind="microphone" />
            <DeviceToggle kind="camera" />
          </Toolbar>
          <MediaNotices />
          <DeviceSettings />
        </div>
        <form className="home__form" onSubmit={onJoin} aria-busy={busy}>
          <section className="home__card" aria-labelledby={`${errorId}-you`}>
            <h2 id={`${errorId}-you`} className="home__card-title">
              {t('home.section.you')}
            </h2>
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
                  {...invalid('displayName')}
                />
              )}
            </Field>
            {errorAt('displayName')}
            <Field label={t('home.form.room')}>
              {(id) => <input id={id} name="room" value={state.room} onChange={(e) => actions.setRoom(e.target.value)} required maxLength={64} {...invalid('room')} />}
            </Field>
            {errorAt('room')}
            <Field label={t('home.form.passcode')}>
              {(id) => (
                <input
                  id={id}
                  name="passcode"
                  type="password"
                  autoComplete="off"
                  maxLength={64}
                  value={state.passcode}
                  onChange={(e) => actions.setPasscode(e.target.value)}
                  ref={passcodeInput}
                  {...invalid('passcode', 'passcode-hint')}
                />
              )}
            </Field>
            <p id="passcode-hint" className="home__hint">
              {t('home.form.passcodeHint')}
            </p>
            {errorAt('passcode')}
          </section>
          <div className="home__choices">
            <section className="home__card" aria-labelledby={`${errorId}-join`}>
              <h2 id={`${errorId}-join`} className="home__card-title">
                {t('home.section.join')}
              </h2>
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
                    {...invalid('hostAddress', [state.invitedFingerprint && 'invite-note', state.organiserKey && 'organiser-note'].filter(Boolean).join(' ') || undefined)}
                  />
                )}
              </Field>
              {state.invitedFingerprint && (
                <p id="invite-note" className="home__hint">
                  {t('home.form.inviteNote')}
                </p>
              )}
              {state.organiserKey && (
                <p id="organiser-note" className="home__hint">
                  {t('home.form.organiserNote')}
                </p>
              )}
              {errorAt('hostAddress')}
              <div className="home__actions">
                <button type="submit" className="button button--primary" disabled={busy} onPointerEnter={actions.prepareJoin} onFocus={actions.prepareJoin}>
                  {t('home.join')}
                </button>
              </div>
              <NearbyRooms disabled={busy || state.phase === 'confirming'} />
            </section>
            {canHost && (
              <section className="home__card" aria-labelledby={`${errorId}-host`}>
                <h2 id={`${errorId}-host`} className="home__card-title">
                  {t('home.section.host')}
                </h2>
                <p className="home__hint">{t('home.section.hostHint')}</p>
                <div className="home__actions">
                  <button type="button" className="button" disabled={busy} onClick={() => void actions.host()}>
                    {t('home.hostARoom')}
                  </button>
                </div>
                {errorAt('host')}
              </section>
            )}
          </div>
          {busy && (
            <p role="status" className="home__busy">
              {t('home.connecting')}
            </p>
          )}
          {errorAt('general')}
          {/* Where "host" errors go in a browser, which cannot host: nowhere else to show them. */}
          {!canHost && errorAt('host')}
          <TrustPrompt code={state.pendingTrust?.code ?? null} onConfirm={() => void actions.confirmTrust()} onCancel={actions.declineTrust} />
          <FoldedSection className="home__more" summary={t('home.section.more')} part={moreSettings} />
          <FoldedSection className="network-settings" summary={t('home.network.summary')} part={networkSettings} />
        </form>
      </div>
    </main>
  );
}
