import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { WrenchRegular } from '@fluentui/react-icons';
import { bulkFixTitles, type BulkFixKind, type BulkItem } from '../../domain/fleet/bulk';

const kinds: BulkFixKind[] = ['register-provider', 'firewall-bypass', 'grant-access', 'move-to-newest'];

/** The fixes that apply to the selected bots, each with how many subscriptions, vaults or bots it would change. */
export function BulkMenu({
  selected,
  plans,
  disabled,
  onChoose,
}: {
  selected: number;
  plans: Record<BulkFixKind, BulkItem[]>;
  disabled: boolean;
  onChoose(kind: BulkFixKind): void;
}) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton icon={<WrenchRegular />} disabled={disabled || selected === 0}>
          Fix selected ({selected})
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {kinds.map((k) => (
            <MenuItem key={k} disabled={plans[k].length === 0} onClick={() => onChoose(k)}>
              {bulkFixTitles[k].verb}
              {plans[k].length ? ` (${bulkFixTitles[k].noun(plans[k].length)})` : ': none needed'}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
