/**
 * A headless host's organiser link: the host's address with its host key in the fragment,
 * `https://host:port/?room=…#host-key=…`. Browsers never send a fragment, so the key reaches only
 * the page (platform/index.ts reads it from the address bar, the join form from a pasted link).
 */

/** The fragment's parameter that carries the host key. */
export const HOST_KEY_PARAM = 'host-key';

/** The host key in a URL's fragment (`#host-key=…`, with or without the `#`), if there is one. */
export function hostKeyOfFragment(fragment: string): string | undefined {
  return new URLSearchParams(fragment.replace(/^#/, '')).get(HOST_KEY_PARAM) || undefined;
}
