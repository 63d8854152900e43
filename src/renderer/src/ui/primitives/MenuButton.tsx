/**
 * A button that opens a menu (the call's "More", a device list): React Aria's MenuTrigger gives
 * arrow keys, type-ahead, Escape and focus return. Items are actions; a toggle item (Speaker
 * view) is a menuitemcheckbox and says its state with aria-checked.
 */
import type { ReactNode } from 'react';
import { Menu, MenuItem, MenuSection, MenuTrigger, Popover } from 'react-aria-components';
import type { Icon } from '../icons';
import { MenuTriggerButton } from './MenuTriggerButton';

export interface MenuAction {
  id: string;
  label: string;
  icon?: Icon;
  /** A toggle item: checked or not. */
  checked?: boolean;
  isDisabled?: boolean;
  onAction: () => void;
}

interface MenuButtonProps {
  icon: Icon;
  label: string;
  items: readonly MenuAction[];
  className?: string;
  /** What the control is, for scripts that find it whatever the language (data-control). */
  control?: string;
  children?: ReactNode;
}

export function MenuButton({ icon: IconShape, label, items, className = 'control control--default', control, children }: MenuButtonProps) {
  // Toggles sit in a section of their own with checkbox semantics (menuitemcheckbox, aria-checked);
  // plain actions in another. Each calls its onAction once, whichever it is.
  const toggles = items.filter((item) => item.checked !== undefined);
  const actions = items.filter((item) => item.checked === undefined);
  const byId = (id: unknown) => items.find((item) => item.id === id);
  const renderItem = ({ id, label: itemLabel, icon: ItemIcon, isDisabled }: MenuAction) => (
    <MenuItem key={id} id={id} className="menu__item" textValue={itemLabel} isDisabled={isDisabled} data-control={id}>
      {ItemIcon && <ItemIcon aria-hidden="true" focusable="false" className="menu__icon" />}
      <span>{itemLabel}</span>
    </MenuItem>
  );
  return (
    <MenuTrigger>
      <MenuTriggerButton label={label} className={className} control={control}>
        <IconShape aria-hidden="true" focusable="false" className="control__icon" />
        {children}
      </MenuTriggerButton>
      <Popover className="menu-popover" placement="top">
        <Menu className="menu" aria-label={label} onAction={(key) => byId(key)?.checked === undefined && byId(key)?.onAction()}>
          {toggles.length > 0 && (
            <MenuSection
              // A toggle does what it says and the menu goes, as a plain action does (a section
              // with multiple selection would otherwise stay open, the page behind it inert).
              shouldCloseOnSelect
              selectionMode="multiple"
              selectedKeys={toggles.filter((item) => item.checked).map((item) => item.id)}
              onSelectionChange={(keys) => {
                const now = keys === 'all' ? new Set(toggles.map((item) => item.id)) : keys;
                for (const item of toggles) if (now.has(item.id) !== item.checked) item.onAction();
              }}
            >
              {toggles.map(renderItem)}
            </MenuSection>
          )}
          {actions.length > 0 && <MenuSection>{actions.map(renderItem)}</MenuSection>}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
