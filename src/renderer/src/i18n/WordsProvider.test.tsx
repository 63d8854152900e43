/** The page's own words provider: formats ICU trees and text alike, keys markup, and reports what it cannot show. */
import { parse } from '@formatjs/icu-messageformat-parser';
import { cleanup, render, screen } from '@testing-library/react';
import { isValidElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeWords, useWords, WordsProvider } from './WordsProvider';

afterEach(cleanup);

const messages = {
  'call.leave': parse('Leave'),
  'call.people': parse('{count, plural, one {# person} other {# people}}'),
  'call.joined': parse('<b>{name}</b> joined {room}'),
  'call.text': 'Hello {name}',
};

describe('makeWords', () => {
  it('formats a plain sentence, a plural and a message given as text', () => {
    const words = makeWords('en', messages, () => {});
    expect(words.format('call.leave')).toBe('Leave');
    expect(words.format('call.people', { count: 1 })).toBe('1 person');
    expect(words.format('call.people', { count: 3 })).toBe('3 people');
    expect(words.format('call.text', { name: 'Ada' })).toBe('Hello Ada');
  });

  it('follows the language: plurals and numbers by its rules', () => {
    const words = makeWords('zh-CN', { people: parse('{count, plural, other {# 人}}') }, () => {});
    expect(words.format('people', { count: 1200 })).toBe('1,200 人');
  });

  it('gives markup as keyed React nodes', () => {
    const words = makeWords('en', messages, () => {});
    const parts = words.format('call.joined', { name: 'Ada', room: 'team', b: (chunks) => <b>{chunks}</b> });
    expect(Array.isArray(parts)).toBe(true);
    const nodes = parts as unknown[];
    expect(nodes.filter(isValidElement).every((node) => node.key !== null)).toBe(true);
    render(<p data-testid="joined">{parts}</p>);
    expect(screen.getByTestId('joined').innerHTML).toBe('<b>Ada</b> joined team');
  });

  it('reports a missing key and a message it cannot format, and shows the key', () => {
    const onError = vi.fn<(error: Error) => void>();
    const words = makeWords('en', messages, onError);
    expect(words.format('call.nothing')).toBe('call.nothing');
    expect(onError.mock.calls[0]![0].message).toMatch(/Missing message: "call.nothing" for locale "en"/);
    expect(words.format('call.people', {})).toBe('call.people');
    expect(onError.mock.calls[1]![0].message).toMatch(/Error formatting message: "call.people"/);
  });
});

describe('WordsProvider', () => {
  it('gives its words to the components inside, and none outside', () => {
    function Leave() {
      return <button type="button">{useWords().format('call.leave') as string}</button>;
    }
    render(
      <WordsProvider locale="en" messages={messages} onError={() => {}}>
        <Leave />
      </WordsProvider>,
    );
    expect(screen.getByRole('button', { name: 'Leave' })).toBeTruthy();
    cleanup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Leave />)).toThrow(/outside a WordsProvider/);
  });
});
