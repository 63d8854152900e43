/**
 * A button's tooltip, with React Aria's behaviour: shown on hover after a delay and on keyboard
 * focus, hidden on Escape or press, tied to the button by aria-describedby. It mirrors React Aria
 * Components' TooltipTrigger (the same hooks, the same contexts), except that the tooltip itself
 * (its positioning, portal and animation, about 5 KB gzip) is a lazy part (TooltipBubble.tsx):
 * fetched when the page is idle and drawn from the first opening on. React Aria Components keeps
 * the trigger and the tooltip in one module, so using its TooltipTrigger brings both into the
 * first script. A tooltip that could not be fetched is simply not shown: the button's name is
 * its aria-label, whatever happens here.
 */
import { useRef, useState, type ReactNode } from 'react';
// What React Aria Components' own TooltipTrigger passes the trigger's props through.
import { FocusableProvider } from 'react-aria/private/interactions/useFocusable';
import { useTooltipTrigger } from 'react-aria/useTooltipTrigger';
import { useTooltipTriggerState } from 'react-stately/useTooltipTriggerState';
import { lazyPart } from '../lazyPart';
import type { TooltipBubbleProps } from './TooltipBubble';

const bubble = lazyPart<TooltipBubbleProps>('the tooltips', () => import('./TooltipBubble').then((module) => module.TooltipBubble));

export const prefetchTooltips = bubble.prefetch;

/** Milliseconds of hover before the tooltip shows; on keyboard focus it shows at once. */
const DELAY_MS = 400;

export function TooltipTrigger({ tooltip, children }: { tooltip: ReactNode; children: ReactNode }) {
  const options = { delay: DELAY_MS, closeDelay: 0 };
  const state = useTooltipTriggerState(options);
  const triggerRef = useRef<HTMLElement>(null);
  const { triggerProps, tooltipProps } = useTooltipTrigger(options, state, triggerRef);
  // Kept drawn once opened, so the tooltip can play its closing animation.
  const [opened, setOpened] = useState(false);
  if (state.isOpen && !opened) setOpened(true);
  return (
    <>
      <FocusableProvider {...triggerProps} ref={triggerRef}>
        {children}
      </FocusableProvider>
      {opened && <bubble.Part props={{ state, tooltipProps, triggerRef, children: tooltip }} failed={() => null} />}
    </>
  );
}
