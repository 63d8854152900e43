/** A lazy part: drawn once fetched, in the same render once prefetched; a failed fetch says so and can be tried again. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyPart } from './lazyPart';

afterEach(cleanup);

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

const failed = (detail: string, retry: () => void) => (
  <div role="alert">
    {detail}
    <button type="button" onClick={retry}>
      Try again
    </button>
  </div>
);

describe('lazyPart', () => {
  it('shows what it was given while the part is on its way, then the part', async () => {
    let arrive: (component: typeof Greeting) => void = () => {};
    const part = lazyPart('greeting', () => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    render(<part.Part props={{ name: 'Ada' }} loading={<p>Loading</p>} failed={failed} />);
    expect(screen.getByText('Loading')).toBeTruthy();
    await act(async () => arrive(Greeting));
    expect(await screen.findByText('Hello Ada')).toBeTruthy();
  });

  it('once prefetched, is drawn in the very first render', async () => {
    const part = lazyPart('greeting', () => Promise.resolve(Greeting));
    part.prefetch();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    render(<part.Part props={{ name: 'Grace' }} loading={<p>Loading</p>} failed={failed} />);
    expect(screen.getByText('Hello Grace')).toBeTruthy();
  });

  it('says why when the fetch fails, and fetches again on Try again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const load = vi.fn<() => Promise<typeof Greeting>>().mockRejectedValueOnce(new Error('host gone')).mockResolvedValueOnce(Greeting);
    const part = lazyPart('greeting', load);
    render(<part.Part props={{ name: 'Linus' }} failed={failed} />);
    expect((await screen.findByRole('alert')).textContent).toContain('host gone');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Hello Linus')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
