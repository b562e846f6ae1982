import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { vaultsUpdate } from '../../arm/operations/vaults';
import { parseResourceId } from '../../arm/resource-id';
import { QueryState } from '../../portal/query-state';
import { useBlade } from '../../portal/blade/blade-context';
import { SettingsBlade } from '../../portal/blade/settings-blade';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import { Essentials } from '../../portal/essentials';
import { settingsSaveKey, useSettingsForm } from '../../portal/form/use-settings-form';
import { subscriptionsQuery, vaultQuery } from '../../queries/resources';
import { useArmMutation } from '../../queries/use-arm-mutation';
import { writeIfUnchanged } from '../../queries/write-if-unchanged';
import {
  propertiesChanges,
  propertiesFormFromVault,
  propertiesPatch,
  type PropertiesForm,
} from './properties-form';
import { subscriptionById } from '../../domain/subscription-by-id';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '760px' },
});

export default function VaultPropertiesBlade() {
  const styles = useStyles();
  const blade = useBlade();
  const queryClient = useQueryClient();
  const vault = useQuery(vaultQuery(blade.resourceId));
  const subs = useQuery(subscriptionsQuery());
  const serverForm = useMemo(
    () => (vault.data ? propertiesFormFromVault(vault.data) : undefined),
    [vault.data],
  );
  const f = useSettingsForm<PropertiesForm>(serverForm, blade.resourceId);
  const [confirming, setConfirming] = useState(false);
  const save = useArmMutation({
    mutationKey: settingsSaveKey(blade.resourceId),
    mutationFn: (form: PropertiesForm) => {
      const from = f.base as PropertiesForm;
      return writeIfUnchanged({
        queryClient,
        query: vaultQuery(blade.resourceId),
        toForm: propertiesFormFromVault,
        base: from,
        what: blade.resourceName,
        write: () => vaultsUpdate(blade.resourceId, propertiesPatch(from, form)),
      });
    },
    describe: () => ({
      resourceId: blade.resourceId,
      running: `Updating ${blade.resourceName}`,
      done: `Updated ${blade.resourceName}`,
      failed: `Could not update ${blade.resourceName}`,
    }),
    invalidates: () => [blade.resourceId],
    onSuccess: (saved, sent) => {
      queryClient.setQueryData(vaultQuery(blade.resourceId).queryKey, saved);
      f.accept(propertiesFormFromVault(saved), sent);
    },
  });

  const id = parseResourceId(blade.resourceId);
  const sub = subscriptionById(subs.data, id?.subscriptionId);
  const p = vault.data?.properties;
  const base = f.base;
  const form = f.form;
  const retention = p?.softDeleteRetentionInDays ?? 90;
  const purgeNeedsSoftDelete = form !== undefined && !form.softDelete;

  const onSave = () => {
    if (!form || !base) return;
    save.reset();
    if (form.purgeProtection && !base.purgeProtection) setConfirming(true);
    else save.mutate(form);
  };

  return (
    <SettingsBlade
      form={f}
      save={save}
      onSave={onSave}
      onRefresh={() => void vault.refetch()}
      refreshing={vault.isFetching}
      describeChanges={propertiesChanges}
      refusedTitle="Azure refused the change; your choices are kept"
    >
      <QueryState query={vault} what="key vault" />
      {vault.data && p && form && base && (
        <>
          <Essentials
            label="Properties"
            facts={[
              { label: 'Name', value: vault.data.name },
              { label: 'Pricing tier', value: p.sku.name === 'premium' ? 'Premium' : 'Standard' },
              { label: 'Location', value: vault.data.location },
              { label: 'Vault URI', value: p.vaultUri },
              { label: 'Resource ID', value: vault.data.id },
              { label: 'Subscription ID', value: id?.subscriptionId },
              { label: 'Subscription name', value: sub?.displayName ?? '—' },
              { label: 'Directory ID', value: p.tenantId },
            ]}
          />
          <section className={styles.section} aria-labelledby="soft-delete-title">
            <Text as="h2" id="soft-delete-title" weight="semibold" size={400}>
              Soft delete
            </Text>
            {base.softDelete ? (
              <>
                <Text>Soft delete has been enabled on this key vault. It cannot be turned off.</Text>
                <Text>Days to retain deleted vaults: {retention} (set when the vault was created).</Text>
              </>
            ) : (
              <Field
                label="Soft delete"
                hint="Once on, soft delete cannot be turned off. Customer-managed keys need it."
              >
                <RadioGroup
                  value={form.softDelete ? 'on' : 'off'}
                  onChange={(_, d) =>
                    f.set((x) => ({
                      ...x,
                      softDelete: d.value === 'on',
                      purgeProtection: d.value === 'on' ? x.purgeProtection : false,
                    }))
                  }
                >
                  <Radio value="on" label="Enable recovery of this vault and its objects (recommended)" />
                  <Radio value="off" label="Disable recovery of this vault and its objects" />
                </RadioGroup>
              </Field>
            )}
          </section>
          <section className={styles.section} aria-labelledby="purge-title">
            <Text as="h2" id="purge-title" weight="semibold" size={400}>
              Purge protection
            </Text>
            <Field
              label="Purge protection"
              hint={
                base.purgeProtection
                  ? 'Purge protection is on. It cannot be turned off by anyone, including Microsoft.'
                  : purgeNeedsSoftDelete
                    ? 'Purge protection needs soft delete: enable soft delete first.'
                    : 'Turning purge protection on is irreversible. Customer-managed keys for Azure Bot Service need it.'
              }
            >
              <RadioGroup
                value={form.purgeProtection ? 'on' : 'off'}
                disabled={base.purgeProtection || purgeNeedsSoftDelete}
                onChange={(_, d) => f.set((x) => ({ ...x, purgeProtection: d.value === 'on' }))}
              >
                <Radio
                  value="off"
                  label="Disable purge protection (allow key vault and objects to be purged during retention period)"
                />
                <Radio
                  value="on"
                  label="Enable purge protection (enforce a mandatory retention period for deleted vaults and vault objects)"
                />
              </RadioGroup>
            </Field>
            {base.purgeProtection && (
              <MessageBar intent="info">
                <MessageBarBody>
                  Locked: purge protection, once enabled, can never be disabled.
                </MessageBarBody>
              </MessageBar>
            )}
          </section>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Turn on purge protection for ${blade.resourceName}?`}
        confirmLabel="Turn on purge protection"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          if (form) save.mutate(form);
        }}
      >
        This is irreversible. Once purge protection is on for the key vault {blade.resourceName}, nobody
        (including Microsoft) can turn it off, and a deleted vault or key stays in the deleted state for{' '}
        {retention} days before it can be purged. The vault name cannot be reused during that time.
      </ConfirmDialog>
    </SettingsBlade>
  );
}
