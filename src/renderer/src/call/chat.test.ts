import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../shared/collaboration';
import { Chat, type ChatEntry } from './chat';

function setup(open: Set<string>) {
  const delivered: [string, ChatMessage][] = [];
  const chat = new Chat({
    peerIds: () => ['ada', 'grace'],
    send: (peerId, message) => {
      if (!open.has(peerId)) return false;
      delivered.push([peerId, message]);
      return true;
    },
  });
  const shown: ChatEntry[] = [];
  chat.on('message', (entry) => shown.push(entry));
  return { chat, delivered, shown };
}

describe('Chat', () => {
  it('sends to every open channel, and keeps a message for a peer until its channel opens', () => {
    const open = new Set(['ada']);
    const { chat, delivered, shown } = setup(open);
    const sent = chat.send('  hello  ')!;
    expect(sent.text).toBe('hello');
    expect(delivered.map(([peer]) => peer)).toEqual(['ada']);
    open.add('grace');
    chat.channelOpened('grace');
    expect(delivered.map(([peer]) => peer)).toEqual(['ada', 'grace']);
    expect(shown).toEqual([expect.objectContaining({ from: null, text: 'hello' })]);
  });

  it('shows a message once however often it arrives, and ignores malformed ones', () => {
    const { chat, shown } = setup(new Set());
    const raw = JSON.stringify({ type: 'chat', id: 'abcdef0123', text: 'hi', sentAt: 1 });
    chat.receive('ada', raw);
    chat.receive('ada', raw);
    chat.receive('ada', JSON.stringify({ type: 'chat', id: 'abcdef0124', text: 'x'.repeat(5000), sentAt: 1 }));
    chat.receive('ada', '{not json');
    chat.receive('ada', new ArrayBuffer(4));
    expect(shown).toEqual([{ type: 'chat', id: 'abcdef0123', text: 'hi', sentAt: 1, from: 'ada' }]);
  });

  it('refuses empty and over-long messages', () => {
    const { chat } = setup(new Set());
    expect(chat.send('   ')).toBeUndefined();
    expect(chat.send('x'.repeat(4001))).toBeUndefined();
  });
});
