import { ToolbarButton } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../portal/query-state';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { Essentials } from '../../portal/essentials';
import { useCommonFacts } from '../shared/use-common-facts';
import { vaultQuery } from '../../queries/resources';

export default function VaultOverviewBlade() {
  const blade = useBlade();
  const vault = useQuery(vaultQuery(blade.resourceId));
  const p = vault.data?.properties;
  const commonFacts = useCommonFacts(vault.data?.location);
  const yesNo = (v: boolean | undefined) => (v ? 'Enabled' : 'Disabled');
  return (
    <BladeFrame
      commands={
        <ToolbarButton
          icon={<ArrowClockwiseRegular />}
          onClick={() => void vault.refetch()}
          disabled={vault.isFetching}
        >
          Refresh
        </ToolbarButton>
      }
    >
      <QueryState query={vault} what="key vault" />
      {vault.data && p && (
        <Essentials
          facts={[
            ...commonFacts,
            { label: 'Vault URI', value: p.vaultUri },
            { label: 'Pricing tier', value: p.sku.name === 'premium' ? 'Premium' : 'Standard' },
            { label: 'Directory ID', value: p.tenantId },
            { label: 'Soft delete', value: yesNo(p.enableSoftDelete !== false) },
            { label: 'Purge protection', value: yesNo(p.enablePurgeProtection) },
            {
              label: 'Permission model',
              value: p.enableRbacAuthorization ? 'Azure role-based access control' : 'Vault access policy',
            },
          ]}
        />
      )}
    </BladeFrame>
  );
}
