/**
 * The one rule for links Parley hands to the system browser (chat links, the window-open handler):
 * http(s) only, no credentials, a host, at most 2048 characters.
 */
export function isSafeExternalUrl(candidate: string): boolean {
  if (candidate.length > 2048) return false;
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.hostname !== '';
  } catch {
    return false;
  }
}
