/**
 * axe-core over every screen a participant sees, in both themes: the home screen, a call with four
 * people, each side panel, the background picker, the More menu, a tile's sound menu and the recording dialog. (The security-code dialog is
 * checked in trust.spec.ts, where a first meeting with a host makes it appear.)
 */
import { expectNoSeriousViolations } from './axe';
import { expect, fromMoreMenu, joinCall, openParticipant, test } from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation on the home screen, in a four-person call, its panels, menu and dialog (${colorScheme})`, async ({ browser, server, participants }) => {
    test.setTimeout(120_000);
    for (const name of ['Ada', 'Grace', 'Linus', 'Barbara']) participants.push(await openParticipant(browser, server, name, 'team', undefined, { colorScheme }));
    const { page } = participants[0]!;
    await expectNoSeriousViolations(page, `home (${colorScheme})`);

    for (const participant of participants) await joinCall(participant);
    await expect(page.locator('figure[data-peer-id]')).toHaveCount(3);
    await expectNoSeriousViolations(page, `call (${colorScheme})`);

    const toolbar = page.getByRole('toolbar', { name: 'Call controls' });
    for (const [button, panel] of [
      [/^Chat and files/, 'Chat and files'],
      [/^People$/, 'People'],
    ] as const) {
      await toolbar.getByRole('button', { name: button }).click();
      await expect(page.getByRole('complementary', { name: panel })).toBeVisible();
      await expectNoSeriousViolations(page, `${panel} panel (${colorScheme})`);
    }
    for (const [item, panel] of [
      ['Statistics', 'Call statistics'],
      ['Settings', 'Settings'],
    ] as const) {
      await fromMoreMenu(page, item);
      await expect(page.getByRole('complementary', { name: panel })).toBeVisible();
      await expectNoSeriousViolations(page, `${panel} panel (${colorScheme})`);
    }
    // The background picker, with its painted swatches, shown under "Replace my background".
    const settings = page.getByRole('complementary', { name: 'Settings' });
    await settings.getByLabel('Effect').selectOption('background-image');
    await expect(settings.getByRole('group', { name: 'Background' })).toBeVisible();
    await expectNoSeriousViolations(page, `background picker (${colorScheme})`);
    await settings.getByLabel('Effect').selectOption('none');

    await toolbar.getByRole('button', { name: 'More' }).click();
    await expect(page.getByRole('menu', { name: 'More' })).toBeVisible();
    await expectNoSeriousViolations(page, `More menu (${colorScheme})`);
    await page.keyboard.press('Escape');

    // A tile's sound menu: the volume and Mute for me.
    const tile = page.getByRole('figure', { name: 'Grace', exact: true });
    await tile.hover();
    await tile.getByRole('button', { name: 'Sound of Grace' }).click();
    await expect(page.getByRole('dialog', { name: 'Sound of Grace' })).toBeVisible();
    await expectNoSeriousViolations(page, `sound menu (${colorScheme})`);
    await page.keyboard.press('Escape');

    await fromMoreMenu(page, 'Record');
    await toolbar.getByRole('button', { name: 'Stop recording' }).click();
    await expect(page.getByRole('dialog', { name: 'Your recording' })).toBeVisible();
    await expectNoSeriousViolations(page, `recording dialog (${colorScheme})`);
  });
}
