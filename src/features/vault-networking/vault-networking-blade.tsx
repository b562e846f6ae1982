import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { QueryState } from '../../portal/query-state';
import { useBlade } from '../../portal/blade/blade-context';
import { SettingsBlade } from '../../portal/blade/settings-blade';
import { useSettingsForm } from '../../portal/form/use-settings-form';
import { vaultQuery } from '../../queries/resources';
import { KeyGuardDialog } from '../shared/key-guard-dialog';
import { useNetworkingSave } from './use-networking-save';
import { PrivateEndpoints } from './private-endpoints';
import {
  blocksBotService,
  networkingChanges,
  networkingFormFromVault,
  validateIpRule,
  type AccessFrom,
  type NetworkingForm,
} from './networking-form';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '820px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', flexWrap: 'wrap' },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const accessLabels: Record<AccessFrom, string> = {
  all: 'Allow public access from all networks',
  selected: 'Allow public access from specific virtual networks and IP addresses',
  disabled: 'Disable public access',
};

export default function VaultNetworkingBlade() {
  const styles = useStyles();
  const blade = useBlade();
  const vault = useQuery(vaultQuery(blade.resourceId));
  const serverForm = useMemo(
    () => (vault.data ? networkingFormFromVault(vault.data) : undefined),
    [vault.data],
  );
  const f = useSettingsForm<NetworkingForm>(serverForm, blade.resourceId);
  const [tab, setTab] = useState<'firewall' | 'private'>('firewall');
  const [newRule, setNewRule] = useState('');
  const [ruleError, setRuleError] = useState<string>();
  const saving = useNetworkingSave(vault.data, (saved, sent) =>
    f.accept(networkingFormFromVault(saved), sent),
  );
  const save = saving.save;
  const form = f.form;
  const addRule = () => {
    if (!form) return;
    const problem = validateIpRule(newRule, form.ipRules);
    setRuleError(problem);
    if (problem) return;
    f.set((x) => ({ ...x, ipRules: [...x.ipRules, newRule.trim()] }));
    setNewRule('');
  };
  const pendingRule = newRule.trim() !== '';
  const serverBlocks = serverForm ? blocksBotService(serverForm) : false;

  return (
    <SettingsBlade
      form={f}
      save={save}
      saveBlockedReason={pendingRule ? 'Add or clear the IP rule you are typing first.' : undefined}
      onSave={() => form && f.base && saving.request({ form, from: f.base })}
      onDiscard={() => (setNewRule(''), setRuleError(undefined))}
      onRefresh={() => void vault.refetch()}
      refreshing={vault.isFetching}
      describeChanges={networkingChanges}
      refusedTitle="Azure refused the change; your settings are kept"
    >
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as 'firewall' | 'private')}
        aria-label="Networking"
      >
        <Tab value="firewall">Firewalls and virtual networks</Tab>
        <Tab value="private">Private endpoint connections</Tab>
      </TabList>
      <QueryState query={vault} what="key vault" />
      {tab === 'firewall' && form && (
        <>
          {serverBlocks && !f.dirty && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Azure Bot Service cannot reach keys in this vault</MessageBarTitle>
                Public access is limited and trusted Microsoft services may not bypass the firewall, so
                customer-managed keys of Azure Bot Service stored here are out of reach.
              </MessageBarBody>
              <MessageBarActions>
                <Button
                  appearance="primary"
                  disabled={save.isPending}
                  onClick={() =>
                    serverForm &&
                    saving.request({ form: { ...serverForm, bypass: true }, from: serverForm, fix: true })
                  }
                >
                  Allow trusted Microsoft services
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <section className={styles.section} aria-labelledby="access-from">
            <Text>Configure network access control for your key vault.</Text>
            <Field label={<span id="access-from">Allow access from</span>}>
              <RadioGroup
                value={form.accessFrom}
                onChange={(_, d) => f.set((x) => ({ ...x, accessFrom: d.value as AccessFrom }))}
              >
                {(Object.keys(accessLabels) as AccessFrom[]).map((k) => (
                  <Radio key={k} value={k} label={accessLabels[k]} />
                ))}
              </RadioGroup>
            </Field>
            {form.accessFrom === 'disabled' && (
              <Text>No public traffic will be able to access this resource.</Text>
            )}
          </section>
          {form.accessFrom === 'selected' && (
            <>
              <section className={styles.section} aria-labelledby="vnets">
                <Text as="h2" id="vnets" weight="semibold">
                  Virtual networks
                </Text>
                {form.virtualNetworkRules.length === 0 ? (
                  <Text>No virtual networks are selected.</Text>
                ) : (
                  <ul className={styles.list}>
                    {form.virtualNetworkRules.map((id) => (
                      <li key={id} className={styles.item}>
                        <Text>{id.split('/virtualNetworks/')[1]?.replace('/subnets/', ' / ') ?? id}</Text>
                        <Button
                          size="small"
                          icon={<DeleteRegular />}
                          aria-label={`Remove virtual network rule ${id}`}
                          onClick={() =>
                            f.set((x) => ({
                              ...x,
                              virtualNetworkRules: x.virtualNetworkRules.filter((r) => r !== id),
                            }))
                          }
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className={styles.section} aria-labelledby="fw">
                <Text as="h2" id="fw" weight="semibold">
                  Firewall
                </Text>
                <Text>
                  Add IPv4 addresses or CIDR ranges to allow access from the internet or your on-premises
                  networks.
                </Text>
                <ul className={styles.list} aria-label="IP rules">
                  {form.ipRules.map((rule) => (
                    <li key={rule} className={styles.item}>
                      <Text font="monospace">{rule}</Text>
                      <Button
                        size="small"
                        icon={<DeleteRegular />}
                        aria-label={`Remove IP rule ${rule}`}
                        onClick={() => f.set((x) => ({ ...x, ipRules: x.ipRules.filter((r) => r !== rule) }))}
                      />
                    </li>
                  ))}
                </ul>
                <div className={styles.row}>
                  <Field
                    label="IPv4 address or CIDR"
                    validationState={ruleError ? 'error' : 'none'}
                    validationMessage={ruleError}
                  >
                    <Input
                      value={newRule}
                      placeholder="203.0.113.0/24"
                      onChange={(_, d) => (setNewRule(d.value), setRuleError(undefined))}
                      onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), addRule())}
                    />
                  </Field>
                  <Button icon={<AddRegular />} onClick={addRule} style={{ marginTop: 26 }}>
                    Add rule
                  </Button>
                </div>
                <Text size={200}>{form.ipRules.length} of 1000 rules.</Text>
              </section>
            </>
          )}
          {form.accessFrom !== 'all' && (
            <section className={styles.section} aria-labelledby="exception">
              <Text as="h2" id="exception" weight="semibold">
                Exception
              </Text>
              <Text>
                Enabling access to resources requires you allow trusted Microsoft services to bypass firewall.
              </Text>
              <Checkbox
                label="Allow trusted Microsoft services to bypass this firewall"
                checked={form.bypass}
                onChange={(_, d) => f.set((x) => ({ ...x, bypass: d.checked === true }))}
              />
              <Text size={200}>
                This setting is related to firewall only. In order to access this key vault, the trusted
                service must also be given explicit permissions in the Access policies section. Azure Bot
                Service is a trusted service.
              </Text>
              {blocksBotService(form) && f.dirty && (
                <MessageBar intent="warning">
                  <MessageBarBody>
                    With these settings Azure Bot Service will not reach customer-managed keys in this vault.
                  </MessageBarBody>
                </MessageBar>
              )}
            </section>
          )}
        </>
      )}
      {tab === 'private' && vault.data && (
        <PrivateEndpoints connections={vault.data.properties.privateEndpointConnections ?? []} />
      )}
      <KeyGuardDialog
        open={saving.guarding}
        title={saving.verdict.impacts.length ? 'These bots will stop working' : 'Bots may stop working'}
        action="Save anyway"
        verdict={saving.verdict}
        onConfirm={saving.confirmGuard}
        onCancel={saving.cancelGuard}
      />
    </SettingsBlade>
  );
}
