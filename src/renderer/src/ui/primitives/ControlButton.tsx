/**
 * One button of the call's toolbar: an icon, a name that never changes (people and tests find it
 * by that name; a toggle says its state with aria-pressed, a panel button with aria-expanded), a
 * tooltip that shows the name and its keyboard shortcut, and an optional count badge.
 * React Aria's ToggleButton and tooltip hooks (TooltipTrigger.tsx) do the keyboard, hover and focus work.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Button, ToggleButton } from 'react-aria-components';
import type { Icon } from '../icons';
import { TooltipTrigger } from './TooltipTrigger';

interface ControlButtonProps {
  icon: Icon;
  /** The icon while toggled on (a crossed-out microphone while muted). */
  toggledIcon?: Icon;
  /** The accessible name: stable, whatever the state. */
  label: string;
  /** What the tooltip says, when it differs from the name (say "Unmute" while muted). */
  tooltip?: string;
  /** The key that does the same (shown in the tooltip, announced by aria-keyshortcuts). */
  shortcut?: string;
  /** A toggle (aria-pressed) when set; a plain or panel button otherwise. */
  toggled?: boolean;
  /** A panel this button opens and closes (aria-expanded, aria-controls). */
  controls?: { id: string; open: boolean };
  badge?: ReactNode;
  tone?: 'default' | 'danger' | 'active';
  isDisabled?: boolean;
  /** What the control is, for scripts that find it whatever the language (data-control). */
  control?: string;
  onPress: () => void;
}

export function ControlButton({ icon: IconShape, toggledIcon, label, tooltip, shortcut, toggled, controls, badge, tone = 'default', isDisabled, control, onPress }: ControlButtonProps) {
  const Shown = toggled && toggledIcon ? toggledIcon : IconShape;
  const content = (
    <>
      <Shown aria-hidden="true" focusable="false" className="control__icon" />
      {badge}
    </>
  );
  const className = `control control--${tone}`;
  // React Aria's buttons do not pass aria-keyshortcuts on to the element: set it there directly.
  const element = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (shortcut) element.current?.setAttribute('aria-keyshortcuts', shortcut);
    else element.current?.removeAttribute('aria-keyshortcuts');
  }, [shortcut]);
  const shared = { className, 'aria-label': label, isDisabled, 'data-control': control, ref: element } as const;
  return (
    <TooltipTrigger
      tooltip={
        <>
          {tooltip ?? label}
          {shortcut && <kbd className="tooltip__key">{shortcut}</kbd>}
        </>
      }
    >
      {toggled === undefined ? (
        <Button {...shared} aria-expanded={controls?.open} aria-controls={controls?.open ? controls.id : undefined} onPress={onPress}>
          {content}
        </Button>
      ) : (
        <ToggleButton {...shared} isSelected={toggled} onChange={onPress}>
          {content}
        </ToggleButton>
      )}
    </TooltipTrigger>
  );
}
