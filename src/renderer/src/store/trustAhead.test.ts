/** The certificate check made ahead of the click is reused only when it fits, is fresh and succeeded. */
import { describe, expect, it, vi } from 'vitest';
import type { IpcResult, TrustCheck, TrustCheckRequest } from '../../../shared/ipc';
import { TRUST_CHECK_MAX_AGE_MS, TrustAhead } from './trustAhead';

const trusted = (request: TrustCheckRequest): IpcResult<TrustCheck> => ({ ok: true, data: { url: request.url, status: 'trusted', fingerprint: 'ab'.repeat(32) } });
const unreachable: IpcResult<TrustCheck> = { ok: false, error: { code: 'UNREACHABLE', message: 'no answer' } };
const request = { url: 'https://10.0.0.2:47100' };

describe('TrustAhead', () => {
  it('checks once ahead, and the click uses that check', async () => {
    const check = vi.fn(async (r: TrustCheckRequest) => trusted(r));
    const ahead = new TrustAhead(check);
    await ahead.prepare(request, 0);
    await ahead.prepare(request, 1000); // hovering again: no second check
    expect(await ahead.take(request, 2000)).toEqual(trusted(request));
    expect(check).toHaveBeenCalledTimes(1);
    await ahead.take(request, 2000); // used once: the next click checks again
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('checks again at the click when the check ahead failed, is stale, or was for another address or invite', async () => {
    const check = vi.fn(async (r: TrustCheckRequest) => trusted(r));
    const ahead = new TrustAhead(check);
    check.mockResolvedValueOnce(unreachable);
    await ahead.prepare(request, 0);
    expect((await ahead.take(request, 10)).ok).toBe(true); // the host is up now
    expect(check).toHaveBeenCalledTimes(2);

    await ahead.prepare(request, 0);
    await ahead.take(request, TRUST_CHECK_MAX_AGE_MS);
    expect(check).toHaveBeenCalledTimes(4);

    await ahead.prepare(request, 0);
    await ahead.take({ ...request, expectedFingerprint: 'cd'.repeat(32) }, 10);
    expect(check).toHaveBeenLastCalledWith({ ...request, expectedFingerprint: 'cd'.repeat(32) });
    expect(check).toHaveBeenCalledTimes(6);

    await ahead.prepare(request, 0);
    await ahead.take({ url: 'https://10.0.0.3:47100' }, 10);
    expect(check).toHaveBeenCalledTimes(8);
  });

  it('checks again ahead once the earlier check is stale', async () => {
    const check = vi.fn(async (r: TrustCheckRequest) => trusted(r));
    const ahead = new TrustAhead(check);
    await ahead.prepare(request, 0);
    await ahead.prepare(request, TRUST_CHECK_MAX_AGE_MS);
    expect(check).toHaveBeenCalledTimes(2);
  });
});
