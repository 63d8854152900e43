/**
 * The page's zod runs jitless once noEval.ts has run, though noEval.ts does not import zod. The
 * cases run in this order: in the first zod is not loaded yet (each test file has its own module
 * registry); node_modules are not loaded afresh by vi.resetModules, noEval.ts is.
 */
import { describe, expect, it, vi } from 'vitest';

describe('noEval', () => {
  it('makes zod jitless when zod is loaded after it (the page: zod comes with the call layer)', async () => {
    await import('./noEval');
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
    // And zod still parses objects, interpreted.
    expect(z.object({ a: z.string() }).parse({ a: 'x' })).toEqual({ a: 'x' });
  });

  it('sets it in the configuration zod already holds when zod was loaded first', async () => {
    const { z } = await import('zod');
    z.config({ jitless: false });
    vi.resetModules();
    await import('./noEval');
    expect(z.config().jitless).toBe(true);
  });
});
