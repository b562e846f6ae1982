import { Button, Spinner } from '@fluentui/react-components';
import { CodeRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Vault } from '../../arm/types/key-vault';
import { useSession } from '../../auth/session';
import { fixAsCode } from '../../domain/as-code/fix-as-code';
import type { FixId } from '../../domain/readiness/types';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { vaultQuery } from '../../queries/resources';
import { AsCodeView } from './as-code-view';

/**
 * A readiness fix as Azure CLI and Bicep, shown on request. The vault is read afresh first: a Bicep vault carries every
 * setting the vault has now (its access policies and firewall among them).
 */
export function FixAsCode({
  fix,
  label,
  vaultId,
  principalObjectId,
}: {
  fix: FixId;
  label: string;
  vaultId: string;
  principalObjectId: string | undefined;
}) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ open?: boolean; vault?: Vault; error?: unknown; loading?: boolean }>(
    {},
  );
  const show = () => {
    if (state.open) return setState({});
    setState({ open: true, loading: true });
    queryClient.fetchQuery({ ...vaultQuery(vaultId), staleTime: 0 }).then(
      (vault) => setState({ open: true, vault }),
      (error: unknown) => setState({ open: true, error }),
    );
  };
  return (
    <>
      <Button
        size="small"
        appearance="subtle"
        icon={<CodeRegular />}
        onClick={show}
        aria-expanded={state.open === true}
        style={{ display: 'flex' }}
      >
        {state.open ? 'Hide the code' : 'Show as code'}
      </Button>
      {state.open && (
        <div>
          {state.loading && <Spinner size="tiny" label="Reading the vault’s current settings…" />}
          {state.error ? <ArmErrorBar error={state.error} title="The vault could not be read" /> : null}
          {!state.loading && (
            <AsCodeView
              title={`${label}, as code`}
              headingLevel={4}
              code={fixAsCode(fix, {
                cloud: session.cloud.name,
                vaultId,
                vault: state.vault,
                principalObjectId,
              })}
            />
          )}
        </div>
      )}
    </>
  );
}
