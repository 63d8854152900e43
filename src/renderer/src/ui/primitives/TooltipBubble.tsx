/**
 * The tooltip itself, drawn by React Aria Components' Tooltip next to its trigger, for
 * TooltipTrigger.tsx (a chunk of its own, so the first script does without the positioning code).
 */
import type { ReactNode, RefObject } from 'react';
import type { AriaTooltipProps } from 'react-aria/useTooltipTrigger';
import { Tooltip, TooltipContext, TooltipTriggerStateContext } from 'react-aria-components';
import type { TooltipTriggerState } from 'react-stately/useTooltipTriggerState';

export interface TooltipBubbleProps {
  state: TooltipTriggerState;
  tooltipProps: AriaTooltipProps;
  triggerRef: RefObject<HTMLElement | null>;
  children: ReactNode;
}

export function TooltipBubble({ state, tooltipProps, triggerRef, children }: TooltipBubbleProps) {
  return (
    <TooltipTriggerStateContext.Provider value={state}>
      <TooltipContext.Provider value={{ ...tooltipProps, triggerRef }}>
        <Tooltip className="tooltip" offset={8}>
          {children}
        </Tooltip>
      </TooltipContext.Provider>
    </TooltipTriggerStateContext.Provider>
  );
}
