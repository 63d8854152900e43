/**
 * Certificate fingerprints as Parley writes them: the SHA-256 of the certificate, 64 lower-case hex
 * digits. Node prints them "AB:CD:…"; invite links carry the bare hex; people compare a short code.
 */
const HEX64 = /^[0-9a-f]{64}$/;

/** The canonical form of "AB:CD:…" or "abcd…", or undefined when it is not a SHA-256 fingerprint. */
export function normalizeFingerprint(value: string): string | undefined {
  const hex = value.replace(/:/g, '').toLowerCase();
  return HEX64.test(hex) ? hex : undefined;
}

/**
 * What the joiner reads out and the host's screen shows: the first 64 bits in four groups
 * ("3F9A-12C4-8B7E-0D11"). Enough that a look-alike certificate cannot be made to match by chance.
 */
export function shortCode(fingerprint: string): string {
  const hex = fingerprint.slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)?.join('-') ?? hex;
}
