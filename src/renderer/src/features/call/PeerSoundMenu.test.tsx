import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWithIntl } from '../../i18n/testing';
import { useParley } from '../../store';
import { PeerSoundMenu } from './PeerSoundMenu';

beforeEach(() => useParley.setState({ listening: {} }));
afterEach(cleanup);

describe("a tile's sound menu", () => {
  it('turns a participant up and down within 0–200%, and says it as a percentage', async () => {
    // The range input's own keys (arrows, Home, End) are the browser's: e2e/volume.spec.ts presses them.
    const user = userEvent.setup();
    renderWithIntl(<PeerSoundMenu peerId="ada-id" name="Ada" />);
    await user.click(screen.getByRole('button', { name: 'Sound of Ada' }));
    const slider = screen.getByRole('slider', { name: 'Volume of Ada for you' });
    expect(document.activeElement).toBe(slider); // the menu opens on the slider
    expect(slider.getAttribute('aria-valuetext')).toBe('100%');
    fireEvent.change(slider, { target: { value: '1.1' } });
    expect(useParley.getState().listening['ada-id']?.volume).toBeCloseTo(1.1);
    expect(slider.getAttribute('aria-valuetext')).toBe('110%');
    fireEvent.change(slider, { target: { value: '2' } });
    expect(useParley.getState().listening['ada-id']?.volume).toBe(2);
    expect(slider.getAttribute('aria-valuetext')).toBe('200%');
  });

  it('says the volume in the user’s language', async () => {
    const user = userEvent.setup();
    useParley.setState({ listening: { 'ada-id': { volume: 1.5, mutedForMe: false } } });
    renderWithIntl(<PeerSoundMenu peerId="ada-id" name="Ada" />, { locale: 'zh-CN' });
    await user.click(screen.getByRole('button'));
    expect(screen.getByRole('slider').getAttribute('aria-valuetext')).toBe('150%');
  });

  it('mutes a participant for me only, and the volume waits until unmuted', async () => {
    const user = userEvent.setup();
    useParley.setState({ listening: { 'ada-id': { volume: 1.5, mutedForMe: false } } });
    renderWithIntl(<PeerSoundMenu peerId="ada-id" name="Ada" />);
    await user.click(screen.getByRole('button', { name: 'Sound of Ada' }));
    await user.click(screen.getByRole('switch', { name: 'Mute for me' }));
    expect(useParley.getState().listening['ada-id']).toEqual({ volume: 1.5, mutedForMe: true });
    expect(screen.getByRole('slider', { name: 'Volume of Ada for you' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('switch', { name: 'Mute for me' }));
    expect(useParley.getState().listening['ada-id']).toEqual({ volume: 1.5, mutedForMe: false });
  });

  it('closes on Escape and gives the focus back to its button', async () => {
    const user = userEvent.setup();
    renderWithIntl(<PeerSoundMenu peerId="ada-id" name="Ada" />);
    const button = screen.getByRole('button', { name: 'Sound of Ada' });
    await user.click(button);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('slider')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button));
  });
});
