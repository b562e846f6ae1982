import { markContentShown } from '../../portal/content-shown';
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  SearchBox,
  Spinner,
  Text,
  tokens,
  ToolbarButton,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  CheckmarkCircleFilled,
  CircleRegular,
  PlugConnectedRegular,
  PlugDisconnectedRegular,
} from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { parseResourceId } from '../../arm/resource-id';
import type { Provider } from '../../arm/types/resources';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { providersQuery } from '../../queries/resources';
import { useProviderRegistration } from '../../queries/mutations/use-provider-registration';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', maxWidth: '760px' },
  th: {
    textAlign: 'left',
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  td: { padding: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  status: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorStatusSuccessForeground1 },
  highlight: { backgroundColor: tokens.colorBrandBackground2 },
});

const transient = (s?: string) => s === 'Registering' || s === 'Unregistering';

function Status({ state }: { state?: string }) {
  const styles = useStyles();
  return (
    <span className={styles.status}>
      {state === 'Registered' ? (
        <CheckmarkCircleFilled className={styles.ok} aria-hidden />
      ) : transient(state) ? (
        <Spinner size="extra-tiny" aria-label="In progress" />
      ) : (
        <CircleRegular aria-hidden />
      )}
      {state ?? 'Unknown'}
    </span>
  );
}

export default function ResourceProvidersBlade() {
  const styles = useStyles();
  const blade = useBlade();
  const sub = parseResourceId(blade.resourceId)?.subscriptionId ?? '';
  const providers = useQuery({
    ...providersQuery(sub),
    // Poll while a registration is under way; stop once every provider has settled.
    refetchInterval: (q) => (q.state.data?.some((p) => transient(p.registrationState)) ? 3000 : false),
  });
  const settled = !providers.isLoading;
  useEffect(() => {
    if (settled) markContentShown();
  }, [settled]);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string>();
  const registration = useProviderRegistration(sub);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (providers.data ?? [])
      .filter((p) => !f || (p.namespace ?? '').toLowerCase().includes(f))
      .sort((a, b) => (a.namespace ?? '').localeCompare(b.namespace ?? ''));
  }, [providers.data, filter]);
  const current: Provider | undefined = providers.data?.find((p) => p.namespace === selected);
  const botService = providers.data?.find((p) => p.namespace?.toLowerCase() === 'microsoft.botservice');
  const busy = registration.isPending || transient(current?.registrationState);

  return (
    <BladeFrame
      commands={
        <>
          <ToolbarButton
            icon={<PlugConnectedRegular />}
            disabled={!current || busy || current.registrationState === 'Registered'}
            onClick={() =>
              current?.namespace && registration.mutate({ namespace: current.namespace, register: true })
            }
          >
            Register
          </ToolbarButton>
          <ToolbarButton
            icon={<PlugDisconnectedRegular />}
            disabled={!current || busy || current.registrationState !== 'Registered'}
            onClick={() =>
              current?.namespace && registration.mutate({ namespace: current.namespace, register: false })
            }
          >
            Unregister
          </ToolbarButton>
          <ToolbarButton
            icon={<ArrowClockwiseRegular />}
            disabled={providers.isFetching}
            onClick={() => void providers.refetch()}
          >
            Refresh
          </ToolbarButton>
        </>
      }
    >
      <MessageBar
        intent={botService?.registrationState === 'Registered' ? 'info' : 'warning'}
        layout="multiline"
      >
        <MessageBarBody>
          <MessageBarTitle>Customer-managed keys for Azure Bot Service</MessageBarTitle>
          Microsoft.BotService must be registered on the subscription that holds the key vault (not only on
          the bot&apos;s subscription).
          {botService && ` On this subscription it is ${botService.registrationState}.`}
        </MessageBarBody>
      </MessageBar>
      {providers.error ? (
        <ArmErrorBar
          error={providers.error}
          title="Resource providers could not be listed"
          onRetry={() => void providers.refetch()}
        />
      ) : null}
      {registration.error ? (
        <ArmErrorBar error={registration.error} title="Azure refused the change" />
      ) : null}
      <SearchBox
        aria-label="Filter by name"
        placeholder="Filter by name..."
        value={filter}
        onChange={(_, d) => setFilter(d.value)}
      />
      {providers.isLoading ? (
        <Spinner label="Loading resource providers…" />
      ) : (
        <table className={styles.table} aria-label="Resource providers">
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                Select
              </th>
              <th className={styles.th} scope="col">
                Provider
              </th>
              <th className={styles.th} scope="col">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr
                key={p.namespace}
                className={p.namespace === 'Microsoft.BotService' ? styles.highlight : undefined}
              >
                <td className={styles.td}>
                  <Radio
                    name="provider"
                    value={p.namespace}
                    checked={selected === p.namespace}
                    onChange={() => setSelected(p.namespace)}
                    aria-label={`Select ${p.namespace}`}
                  />
                </td>
                <td className={styles.td}>{p.namespace}</td>
                <td className={styles.td}>
                  <Status state={p.registrationState} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length === 0 && !providers.isLoading && <Text>No provider matches “{filter}”.</Text>}
    </BladeFrame>
  );
}
