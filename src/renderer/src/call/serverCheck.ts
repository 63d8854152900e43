/**
 * Asks the address what it is before (in fact, while) we connect: a Parley host answers
 * `/parley.json` with its protocol version and whether it needs a passcode. Anything else there —
 * a web server, a printer, nothing — gets a precise error instead of a vague connection failure.
 */
import { PROTOCOL_VERSION, type ServerIdentity } from '../../../shared/protocol';
import { CallError } from './callError';
import { REQUEST_TIMEOUT_MS } from './signalingClient';

export async function checkServer(url: string, hasPasscode: boolean, timeoutMs = REQUEST_TIMEOUT_MS): Promise<ServerIdentity> {
  return admitsUs(await identifyServer(url, timeoutMs), hasPasscode);
}

/** Whether a Parley host of this identity can take us: the same protocol, and a passcode if it needs one. */
export function admitsUs(identity: ServerIdentity, hasPasscode: boolean): ServerIdentity {
  if (identity.protocolVersion !== PROTOCOL_VERSION) {
    throw new CallError('VERSION_MISMATCH', `The host speaks protocol ${identity.protocolVersion}, this app ${PROTOCOL_VERSION}`);
  }
  if (identity.passcodeRequired && !hasPasscode) throw new CallError('PASSCODE_REQUIRED', 'This room needs a passcode');
  return identity;
}

/** What the address says it is (asked ahead of the join, or beside it); rejects with a CallError. */
export async function identifyServer(url: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<ServerIdentity> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(`${url}/parley.json`, { signal, cache: 'no-store' });
  } catch (error) {
    if (isTimeout(error)) throw timedOut(url, timeoutMs);
    // A Parley host answers this from any page. Did anything answer at all? A request whose
    // response we may not read tells us without revealing it.
    const somethingAnswered = await fetch(`${url}/parley.json`, { signal, cache: 'no-store', mode: 'no-cors' }).then(
      () => true,
      (second: unknown) => {
        if (isTimeout(second)) throw timedOut(url, timeoutMs);
        return false;
      },
    );
    if (somethingAnswered) throw notParley(url);
    throw new CallError('UNREACHABLE', `Could not reach a Parley host at ${url}`);
  }
  const identity = await readIdentity(response);
  if (!identity) throw notParley(url);
  return identity;
}

const isTimeout = (error: unknown): boolean => error instanceof DOMException && error.name === 'TimeoutError';
const timedOut = (url: string, timeoutMs: number): CallError =>
  new CallError('TIMEOUT', `The host at ${url} did not answer within ${timeoutMs / 1000} seconds`);
const notParley = (url: string): CallError => new CallError('NOT_PARLEY', `${url} answers, but it is not a Parley host`);

async function readIdentity(response: Response): Promise<ServerIdentity | undefined> {
  if (!response.ok) return undefined;
  try {
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) return undefined;
    const { app, protocolVersion, passcodeRequired } = body as Record<string, unknown>;
    if (app !== 'parley' || typeof protocolVersion !== 'number') return undefined;
    return { app, protocolVersion, passcodeRequired: passcodeRequired === true };
  } catch {
    return undefined;
  }
}
