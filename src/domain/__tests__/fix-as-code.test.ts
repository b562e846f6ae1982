import { describe, expect, it } from 'vitest';
import { armRequest } from '../../arm/client';
import { vaultsGet } from '../../arm/operations/vaults';
import type { Vault } from '../../arm/types/key-vault';
import { contoso, contosoVaultId } from '../../mocks/scenarios/contoso';
import { parseBicep } from '../../testing/bicep';
import { resetTwin, testTwin } from '../../testing/twin';
import { fixAsCode } from '../as-code/fix-as-code';

const world = () => testTwin.managed.twin.world;

async function deployVault(bicep: string) {
  const parsed = parseBicep(bicep);
  expect(parsed.resourceType).toBe('Microsoft.KeyVault/vaults@2025-05-01');
  const { name, ...body } = parsed.body;
  expect(name).toBe('kv-contoso-cmk');
  await armRequest<Vault>({ method: 'PUT', path: contosoVaultId, apiVersion: '2025-05-01', body });
  return vaultsGet(contosoVaultId);
}

const withoutTimes = (v: Vault) => ({ ...v, systemData: undefined });

describe('readiness fixes as code', () => {
  it('purge protection: the whole-vault Bicep, deployed, changes only that switch', async () => {
    resetTwin('fresh');
    const before = await vaultsGet(contosoVaultId);
    const code = fixAsCode('purge-protection', {
      cloud: 'AzureCloud',
      vaultId: contosoVaultId,
      vault: before,
    });
    expect(code.cli).toBe(
      'az keyvault update --name kv-contoso-cmk --resource-group rg-security-keys --enable-purge-protection true',
    );
    const after = await deployVault(code.bicep!);
    expect(withoutTimes(after)).toEqual(
      withoutTimes({ ...before, properties: { ...before.properties, enablePurgeProtection: true } }),
    );
  });

  it('trusted-services bypass: keeps every firewall rule and access policy', async () => {
    resetTwin('fresh');
    const before = await vaultsGet(contosoVaultId);
    const code = fixAsCode('firewall-bypass', {
      cloud: 'AzureCloud',
      vaultId: contosoVaultId,
      vault: before,
    });
    expect(code.cli).toContain('--bypass AzureServices');
    const after = await deployVault(code.bicep!);
    expect(after.properties.networkAcls).toEqual({
      ...before.properties.networkAcls,
      bypass: 'AzureServices',
    });
    expect(after.properties.accessPolicies).toEqual(before.properties.accessPolicies);
  });

  it('would catch a vault Bicep written from memory: without access policies, the deployment wipes them', async () => {
    resetTwin('fresh');
    const before = await vaultsGet(contosoVaultId);
    const code = fixAsCode('purge-protection', {
      cloud: 'AzureCloud',
      vaultId: contosoVaultId,
      vault: before,
    });
    const after = await deployVault(code.bicep!.replace(/\n {4}accessPolicies: \[[\s\S]*?\n {4}\]/, ''));
    expect(after.properties.accessPolicies).toEqual([]);
  });

  it('access policy and role: Microsoft’s principal by object id, or looked up by its application id, never by name', () => {
    resetTwin('fresh');
    const genuine = world().cmekPrincipal(contoso.tenantId)!.objectId;
    const known = fixAsCode('access-policy', {
      cloud: 'AzureCloud',
      vaultId: contosoVaultId,
      principalObjectId: genuine,
    });
    expect(known.cli).toBe(
      `az keyvault set-policy --name kv-contoso-cmk --resource-group rg-security-keys --object-id ${genuine} --key-permissions get wrapKey unwrapKey`,
    );
    expect(known.bicep).toContain(`objectId: '${genuine}'`);
    expect(known.bicep).toContain(`name: 'add'`);
    const unknown = fixAsCode('role-assignment', { cloud: 'AzureCloud', vaultId: contosoVaultId });
    expect(unknown.cli).toContain(
      '--assignee-object-id $(az ad sp show --id 27a762be-14e7-4f92-899c-151877d6d497',
    );
    expect(unknown.bicep).toContain("appId: '27a762be-14e7-4f92-899c-151877d6d497'");
    expect(unknown.bicep).toContain('principalId: botServiceCmek.id');
    expect(`${known.cli}${known.bicep}${unknown.cli}${unknown.bicep}`).not.toMatch(
      /displayName|Bot Service CMEK Prod'/,
    );
  });

  it('provider registration has no Bicep, and says why; the principal’s creation has both', () => {
    const reg = fixAsCode('register-provider', { cloud: 'AzureCloud', vaultId: contosoVaultId });
    expect(reg.cli).toBe(
      `az provider register --namespace Microsoft.BotService --subscription ${contoso.keysSub} --wait`,
    );
    expect(reg.bicep).toBeUndefined();
    expect(reg.bicepNote).toMatch(/cannot register a resource provider/);
    const sp = fixAsCode('create-principal', { cloud: 'AzureCloud', vaultId: contosoVaultId });
    expect(sp.cli).toBe('az ad sp create --id 27a762be-14e7-4f92-899c-151877d6d497');
    expect(sp.bicep).toContain("resource botServiceCmek 'Microsoft.Graph/servicePrincipals@v1.0'");
  });
});
