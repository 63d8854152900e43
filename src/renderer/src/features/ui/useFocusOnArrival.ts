/**
 * A screen that replaces another (home ↔ call) takes the keyboard focus on its title, so the
 * focus is never left on a control that no longer exists (it would fall to <body>, and the next
 * Tab would start from the top of nothing). Screen readers announce the title on arrival.
 */
import { useEffect, useRef } from 'react';

export function useFocusOnArrival<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    // Only when the focus was lost (on <body>): a user already inside the page keeps their place.
    if (document.activeElement === document.body || document.activeElement === null) ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
