import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  OverlayDrawer,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLatest } from '../../portal/use-latest';
import { isArmError } from '../../arm/errors';
import { serverNow } from '../../arm/server-clock';
import { versionedKeyUrlOf, type VersionedKeyUrl } from '../../domain/key-url';
import { keyUnusableReason } from '../../domain/key-usability';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { VirtualListbox } from '../../portal/virtual-listbox';
import { queryKeys } from '../../queries/keys';
import { keysQuery, keyVersionsQuery, subscriptionsQuery, vaultsQuery } from '../../queries/resources';
import { CreateKeyForm } from './create-key-form';
import { VaultChooser } from './vault-chooser';
import { subscriptionById } from '../../domain/subscription-by-id';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  row: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  reason: { color: tokens.colorNeutralForeground3 },
});

const fmt = (sec?: number) => (sec ? new Date(sec * 1000).toLocaleDateString() : '—');

/** "Select a key vault and a key": subscription, vault, key, version; unusable keys shown with their reason. */
export function KeyPicker({
  open,
  onClose,
  onPick,
}: {
  open: boolean;
  onClose(): void;
  onPick(key: VersionedKeyUrl): void;
}) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const subs = useQuery({ ...subscriptionsQuery(), enabled: open });
  const [sub, setSub] = useState<string>();
  const subscriptionId = sub ?? subs.data?.[0]?.subscriptionId;
  const vaults = useQuery({
    ...vaultsQuery(subscriptionId ?? ''),
    enabled: open && subscriptionId !== undefined,
  });
  const [vaultId, setVaultId] = useState<string>();
  const keys = useQuery({ ...keysQuery(vaultId ?? ''), enabled: vaultId !== undefined });
  const [keyName, setKeyName] = useState<string>();
  const versions = useQuery({
    ...keyVersionsQuery(vaultId ?? '', keyName ?? ''),
    enabled: vaultId !== undefined && keyName !== undefined,
  });
  const [version, setVersion] = useState<string>();
  const now = serverNow();

  const keyItems = (keys.data ?? []).map((k) => {
    const reason = keyUnusableReason(k, now);
    return {
      id: k.name,
      label: k.name,
      disabled: reason !== undefined,
      content: (
        <span className={styles.row}>
          {k.name}
          <Text size={200} className={styles.reason}>
            {reason ? `Cannot be used: ${reason}` : `${k.properties.kty} ${k.properties.keySize ?? ''}`}
          </Text>
        </span>
      ),
    };
  });
  const versionList = [...(versions.data ?? [])].sort(
    (a, b) => (b.properties.attributes?.created ?? 0) - (a.properties.attributes?.created ?? 0),
  );
  const versionItems = versionList.map((k) => {
    const reason = keyUnusableReason(k, now);
    const a = k.properties.attributes;
    return {
      id: k.name,
      label: k.name,
      disabled: reason !== undefined,
      content: (
        <span className={styles.row}>
          <Text font="monospace" size={200}>
            {k.name}
          </Text>
          <Text size={200} className={styles.reason}>
            Created {fmt(a?.created)} · Expires {fmt(a?.exp)}
            {reason ? ` · Cannot be used: ${reason}` : ''}
          </Text>
        </span>
      ),
    };
  });
  const chosen = versionList.find((k) => k.name === version);
  const selection = `${vaultId ?? ''}|${keyName ?? ''}|${version ?? ''}`;
  // Read when a key has been created, which may be after the form that created it is gone (another subscription).
  const selectionNow = useLatest(selection);
  // ARM writes the identifier with `:443`: parsed here, where it enters, into the form the Bot Service is given.
  const chosenKey = versionedKeyUrlOf(chosen?.properties.keyUriWithVersion);
  const firewalled =
    isArmError(keys.error) && (keys.error.code === 'ForbiddenByFirewall' || keys.error.status === 403);

  return (
    <OverlayDrawer open={open} position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />
          }
        >
          Select a key vault and a key
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <div className={styles.section}>
          <Field label="Subscription">
            <Dropdown
              value={subscriptionById(subs.data, subscriptionId)?.displayName ?? ''}
              selectedOptions={subscriptionId ? [subscriptionId] : []}
              onOptionSelect={(_, d) => (
                setSub(d.optionValue),
                setVaultId(undefined),
                setKeyName(undefined),
                setVersion(undefined)
              )}
            >
              {(subs.data ?? []).map((s) => (
                <Option key={s.subscriptionId} value={s.subscriptionId}>
                  {s.displayName}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
        <div className={styles.section}>
          <Text weight="semibold" as="h3">
            Key vault
          </Text>
          <VaultChooser
            vaults={vaults.data}
            selected={vaultId}
            onSelect={(id) => (setVaultId(id), setKeyName(undefined), setVersion(undefined))}
            notice={
              <>
                {vaults.isLoading && <Spinner size="tiny" label="Loading key vaults…" />}
                {vaults.error ? (
                  <ArmErrorBar error={vaults.error} title="Key vaults could not be listed" />
                ) : null}
              </>
            }
          />
        </div>
        {vaultId && (
          <div className={styles.section}>
            <Text weight="semibold" as="h3">
              Key
            </Text>
            {keys.isLoading && <Spinner size="tiny" label="Loading keys…" />}
            {firewalled ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>The keys of this vault cannot be listed from your network</MessageBarTitle>
                  The vault’s firewall does not admit your address, so vaults are listed but their keys are
                  not. Add your address in the vault’s Networking blade, or paste the versioned key URL into
                  the Key URL field.
                </MessageBarBody>
              </MessageBar>
            ) : keys.error ? (
              <ArmErrorBar error={keys.error} title="Keys could not be listed" />
            ) : null}
            {keys.data && keys.data.length === 0 && (
              <Text>This vault has no keys yet. Create one below.</Text>
            )}
            {keys.data && keys.data.length > 0 && (
              <VirtualListbox
                label="Keys"
                items={keyItems}
                selected={keyName}
                onSelect={(id) => (setKeyName(id), setVersion(undefined))}
              />
            )}
            {!firewalled && vaultId && (
              <CreateKeyForm
                vaultId={vaultId}
                existing={keys.data}
                selection={selection}
                onCreated={(key, selectionWhenSent) => {
                  void queryClient.invalidateQueries({ queryKey: queryKeys.child(vaultId) });
                  // Another vault or key chosen while the key was being made: that choice stands.
                  if (selectionWhenSent !== selectionNow.current) return;
                  setKeyName(key.name);
                  setVersion(versionedKeyUrlOf(key.properties.keyUriWithVersion)?.version);
                }}
              />
            )}
          </div>
        )}
        {keyName && (
          <div className={styles.section}>
            <Text weight="semibold" as="h3">
              Version
            </Text>
            {versions.isLoading && <Spinner size="tiny" label="Loading versions…" />}
            {versions.error ? (
              <ArmErrorBar error={versions.error} title="Versions could not be listed" />
            ) : null}
            {versions.data && (
              <VirtualListbox
                label="Versions, newest first"
                items={versionItems}
                selected={version}
                onSelect={setVersion}
              />
            )}
          </div>
        )}
      </DrawerBody>
      <DrawerFooter>
        <Button appearance="primary" disabled={!chosenKey} onClick={() => chosenKey && onPick(chosenKey)}>
          Select
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}
