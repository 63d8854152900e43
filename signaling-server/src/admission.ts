/**
 * Who may enter: the host's passcode and the host key, compared in constant time so a wrong guess
 * takes as long as a nearly right one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface AdmissionOptions {
  /** When set, every join must present it (the host's own join presents the host key instead). */
  passcode?: string;
  /** The secret the hosting app holds; a join presenting it is the host (may lock and remove). */
  hostKey?: string;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

function sameSecret(expected: string | undefined, given: string | undefined): boolean {
  if (expected === undefined || given === undefined) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

export type Admission = { admitted: true; isHost: boolean } | { admitted: false; reason: 'PASSCODE_REQUIRED' | 'WRONG_PASSCODE' };

export class Gatekeeper {
  constructor(private readonly options: AdmissionOptions) {}

  get passcodeRequired(): boolean {
    return this.options.passcode !== undefined;
  }

  admit(passcode: string | undefined, hostKey: string | undefined): Admission {
    if (sameSecret(this.options.hostKey, hostKey)) return { admitted: true, isHost: true };
    if (this.options.passcode === undefined) return { admitted: true, isHost: false };
    if (passcode === undefined) return { admitted: false, reason: 'PASSCODE_REQUIRED' };
    return sameSecret(this.options.passcode, passcode) ? { admitted: true, isHost: false } : { admitted: false, reason: 'WRONG_PASSCODE' };
  }
}
