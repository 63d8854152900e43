/**
 * A small button beside a control that opens a list to choose one from (the microphone beside
 * Mute, the camera beside Camera off): a React Aria menu with single selection, so the choice is
 * a menuitemradio with aria-checked, arrow keys move, Enter picks, Escape closes.
 */
import { Button, Menu, MenuItem, MenuTrigger, Popover, Tooltip, TooltipTrigger } from 'react-aria-components';
import { ChevronUp } from '../icons';

export interface Choice {
  id: string;
  label: string;
}

interface ChoiceMenuButtonProps {
  label: string;
  choices: readonly Choice[];
  selected: string;
  onSelect: (id: string) => void;
  isDisabled?: boolean;
}

export function ChoiceMenuButton({ label, choices, selected, onSelect, isDisabled }: ChoiceMenuButtonProps) {
  return (
    <MenuTrigger>
      <TooltipTrigger delay={400} closeDelay={0}>
        <Button className="control control--default control--chooser" aria-label={label} isDisabled={isDisabled}>
          <ChevronUp aria-hidden="true" focusable="false" className="control__icon control__icon--small" />
        </Button>
        <Tooltip className="tooltip" offset={8}>
          {label}
        </Tooltip>
      </TooltipTrigger>
      <Popover className="menu-popover" placement="top">
        <Menu
          className="menu"
          aria-label={label}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[selected]}
          onSelectionChange={(keys) => {
            const [id] = keys === 'all' ? [] : [...keys];
            if (typeof id === 'string' && id !== selected) onSelect(id);
          }}
        >
          {choices.map((choice) => (
            <MenuItem key={choice.id} id={choice.id} className="menu__item" textValue={choice.label}>
              {choice.label}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
