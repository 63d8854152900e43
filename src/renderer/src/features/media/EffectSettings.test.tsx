import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWithIntl } from '../../i18n/testing';
import { useParley } from '../../store';
import { EffectSettings } from './EffectSettings';

const initialState = useParley.getState();
beforeEach(() => useParley.setState({ ...initialState, effect: 'none', background: 'dawn', hasOwnBackground: false }));
afterEach(cleanup);

describe('the video effect setting', () => {
  it('offers our backgrounds as a radio group once "Replace my background" is chosen, and remembers the choice', async () => {
    const user = userEvent.setup();
    renderWithIntl(<EffectSettings />);
    expect(screen.queryByRole('group', { name: 'Background' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Effect'), 'Replace my background');
    expect(useParley.getState().effect).toBe('background-image');
    const group = screen.getByRole('group', { name: 'Background' });
    expect(screen.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual(['Dawn', 'Lagoon', 'Study']);
    expect(screen.getByRole('radio', { name: 'Dawn' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('radio', { name: 'Study' }));
    expect(useParley.getState().background).toBe('study');
    expect(group.querySelector('button')?.textContent).toBe('Choose a picture…');
  });

  it('lists "My picture" only once there is one', () => {
    useParley.setState({ effect: 'background-image', hasOwnBackground: true, background: 'own' });
    renderWithIntl(<EffectSettings />);
    expect(screen.getByRole('radio', { name: 'My picture' })).toHaveProperty('checked', true);
  });

  it('says what happens instead where the browser cannot find the person (no insertable streams here)', async () => {
    const user = userEvent.setup();
    renderWithIntl(<EffectSettings />);
    await user.selectOptions(screen.getByLabelText('Effect'), 'Blur my background');
    expect(screen.getByText(/needs the Parley app or a Chromium-based browser; here the whole picture is blurred/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Effect'), 'Sepia');
    expect(screen.queryByText(/Chromium-based browser/)).toBeNull();
  });
});
