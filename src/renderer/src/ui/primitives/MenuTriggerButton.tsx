/**
 * The button that opens a menu, with its name as a tooltip: the one look and behaviour both menu
 * buttons (More, a device list) share. Must sit inside a React Aria MenuTrigger.
 */
import type { ReactNode } from 'react';
import { Button, Tooltip, TooltipTrigger } from 'react-aria-components';

export function MenuTriggerButton({ label, className, control, isDisabled, children }: { label: string; className: string; control?: string; isDisabled?: boolean; children: ReactNode }) {
  return (
    <TooltipTrigger delay={400} closeDelay={0}>
      <Button className={className} aria-label={label} data-control={control} isDisabled={isDisabled}>
        {children}
      </Button>
      <Tooltip className="tooltip" offset={8}>
        {label}
      </Tooltip>
    </TooltipTrigger>
  );
}
