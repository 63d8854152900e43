/**
 * The button that opens a menu, with its name as a tooltip: the one look and behaviour both menu
 * buttons (More, a device list) share. Must sit inside a React Aria MenuTrigger.
 */
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { TooltipTrigger } from './TooltipTrigger';

export function MenuTriggerButton({ label, className, control, isDisabled, children }: { label: string; className: string; control?: string; isDisabled?: boolean; children: ReactNode }) {
  return (
    <TooltipTrigger tooltip={label}>
      <Button className={className} aria-label={label} data-control={control} isDisabled={isDisabled}>
        {children}
      </Button>
    </TooltipTrigger>
  );
}
