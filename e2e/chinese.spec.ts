/**
 * The whole two-person call in 简体中文, and a smoke test in 繁體中文: the browser's language
 * (Playwright's locale and Chromium's --lang) picks the interface's, and every control is found by
 * its Chinese accessible name. Names come from the catalogs, with a few written out here to show
 * they are real Chinese, not English placeholders.
 */
import type { Browser } from '@playwright/test';
import type { SignalingServer } from '../signaling-server/src/index';
import { CATALOGS, type MessageKey } from '../src/shared/i18n/catalogs';
import { instrumentAudioGraph } from './audioGraph';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { expect, instrumentPeerConnections, test, type Participant } from './fixtures';
import { expectMediaFlowing } from './media';

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--lang=zh-CN'] } });

async function openIn(locale: 'zh-CN' | 'zh-TW', browser: Browser, server: SignalingServer, name: string): Promise<Participant> {
  const text = (key: MessageKey) => CATALOGS[locale][key];
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale, colorScheme: 'light' });
  const page = await context.newPage();
  await page.addInitScript(instrumentPeerConnections);
  await page.addInitScript(instrumentAudioGraph);
  await page.goto(`${server.url}/?room=team`);
  await page.getByLabel(text('home.form.displayName')).fill(name);
  return { name, page, context };
}

test('a two-person call in Simplified Chinese: join, hear and see, mute, chat, leave', async ({ browser, server, participants }) => {
  const zh = (key: MessageKey) => CATALOGS['zh-CN'][key];
  const ada = await openIn('zh-CN', browser, server, '阿达');
  const grace = await openIn('zh-CN', browser, server, '格蕾丝');
  participants.push(ada, grace);
  await expect(ada.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(ada.page.getByRole('heading', { name: zh('home.section.join') })).toBeVisible();

  for (const { page } of [ada, grace]) {
    await page.getByRole('button', { name: '加入', exact: true }).click();
    await expect(page.getByRole('button', { name: '离开' })).toBeVisible();
  }
  await expectMediaFlowing(ada.page, 1);
  await expectMediaFlowing(grace.page, 1);
  await expect(ada.page.getByRole('heading', { level: 1 })).toContainText('2 人');

  // Mute: the name stays 静音, its state is aria-pressed; Grace sees Ada's microphone off.
  const toolbar = ada.page.getByRole('toolbar', { name: zh('call.controls.label') });
  await toolbar.getByRole('button', { name: '静音' }).click();
  await expect(toolbar.getByRole('button', { name: '静音' })).toHaveAttribute('aria-pressed', 'true');
  await expect(grace.page.getByRole('figure', { name: '阿达' }).getByRole('img', { name: zh('call.tile.microphoneMuted') })).toBeVisible();

  // Chat: Ada writes, Grace is told there is one unread and reads it.
  await toolbar.getByRole('button', { name: zh('call.controls.chatName') }).click();
  const panel = ada.page.getByRole('complementary', { name: zh('collab.panel.label') });
  await panel.getByLabel(zh('collab.chat.draft')).fill('大家好');
  await panel.getByRole('button', { name: zh('collab.chat.send'), exact: true }).click();
  await grace.page.getByRole('button', { name: '聊天与文件，1 条未读' }).click();
  await expect(grace.page.getByRole('complementary', { name: zh('collab.panel.label') })).toContainText('大家好');

  await ada.page.getByRole('button', { name: '离开' }).click();
  await expect(ada.page.getByRole('button', { name: '加入', exact: true })).toBeVisible();
  await expect(grace.page.getByText(zh('call.waiting'))).toBeVisible();
});

test('the same app in Traditional Chinese for Taiwan: its own words, not converted ones', async ({ browser, server, participants }) => {
  const tw = (key: MessageKey) => CATALOGS['zh-TW'][key];
  const ada = await openIn('zh-TW', browser, server, '阿達');
  participants.push(ada);
  await expect(ada.page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await ada.page.getByRole('button', { name: tw('home.join'), exact: true }).click();
  const toolbar = ada.page.getByRole('toolbar', { name: tw('call.controls.label') });
  await expect(toolbar.getByRole('button', { name: '離開' })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: '靜音' })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: '分享螢幕' })).toBeVisible();
  await expect(ada.page.getByText(tw('call.waiting'))).toBeVisible();
});
