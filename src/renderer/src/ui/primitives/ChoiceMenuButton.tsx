/**
 * A small button beside a control that opens a list to choose one from (the microphone beside
 * Mute, the camera beside Camera off): a React Aria menu with single selection, so the choice is
 * a menuitemradio with aria-checked, arrow keys move, Enter picks, Escape closes.
 */
import { Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { ChevronUp } from '../icons';
import { MenuTriggerButton } from './MenuTriggerButton';

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
      <MenuTriggerButton label={label} className="control control--default control--chooser" isDisabled={isDisabled}>
        <ChevronUp aria-hidden="true" focusable="false" className="control__icon control__icon--small" />
      </MenuTriggerButton>
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
