import type { World } from '../store/world';
import { contoso, buildContoso } from './contoso';

/** The team key vaults' subscriptions of the `fleet` scenario (fixed, so deep links and tests can name them). */
const fleetSubs = {
  salesKeys: '2c4e6a8c-0e2a-4c6e-8a0c-4e6a8c0e2a4c',
  euKeys: '3d5f7b9d-1f3b-4d7f-9b1d-5f7b9d1f3b5d',
};

const office = '203.0.113.0/24';

/**
 * A tenant whose teams brought their own keys, each with the gap a busy team leaves: a vault firewall without the
 * trusted-services bypass (so those bots cannot reach their keys), Microsoft.BotService never registered on the keys'
 * subscriptions, Bot Service CMEK Prod never granted, bots left on the version before a rotation, and a vault in a
 * subscription where the admin is only Reader.
 */
export function buildFleet(startMs: number): World {
  const b = buildContoso('fleet', startMs, 109, {
    vault: {
      softDelete: true,
      purgeProtection: true,
      firewall: 'selected',
      bypass: true,
      ipRules: [office],
      gatewayEndpoint: true,
    },
    botServiceOnKeysSub: true,
    cmekPolicy: true,
  });
  b.subscription(fleetSubs.salesKeys, 'Contoso Sales Keys', contoso.tenantId);
  b.subscription(fleetSubs.euKeys, 'Contoso Support EU', contoso.tenantId);
  b.resourceGroup(fleetSubs.salesKeys, 'rg-sales-keys').resourceGroup(
    fleetSubs.euKeys,
    'rg-eu-keys',
    'northeurope',
  );
  b.role(contoso.user.objectId, `/subscriptions/${fleetSubs.salesKeys}`, 'Owner');
  b.role(contoso.user.objectId, `/subscriptions/${fleetSubs.euKeys}`, 'Owner');
  const closed = {
    firewall: 'selected' as const,
    bypass: false,
    ipRules: [office],
  };
  const sales = b.vault({
    subscriptionId: fleetSubs.salesKeys,
    resourceGroup: 'rg-sales-keys',
    name: 'kv-sales-cmk',
    tenantId: contoso.tenantId,
    purgeProtection: true,
    ...closed,
    accessPolicies: [b.cmekPolicy(contoso.tenantId)],
  });
  const eu = b.vault({
    subscriptionId: fleetSubs.euKeys,
    resourceGroup: 'rg-eu-keys',
    name: 'kv-eu-cmk',
    tenantId: contoso.tenantId,
    location: 'northeurope',
    purgeProtection: true,
    ...closed,
    accessPolicies: [],
  });
  const finance = b.vault({
    subscriptionId: contoso.financeSub,
    resourceGroup: contoso.financeRg,
    name: 'kv-finance-cmk',
    tenantId: contoso.tenantId,
    purgeProtection: true,
    ...closed,
    accessPolicies: [b.cmekPolicy(contoso.tenantId)],
  });
  const [salesOld, salesNew] = b.key(sales, 'sales-bots-key', [
    { keySize: 3072, createdDaysAgo: 200 },
    { keySize: 3072, createdDaysAgo: 20 },
  ]);
  const [, euNew] = b.key(eu, 'eu-bots-key', [
    { keySize: 3072, createdDaysAgo: 150 },
    { keySize: 3072, createdDaysAgo: 30 },
  ]);
  // Expires in 75 days: inside the page's 90-day expiry view, outside the 30-day warning.
  const [financeKey] = b.key(finance, 'finance-bots-key', [
    { keySize: 4096, createdDaysAgo: 60, expiresInDays: 75 },
  ]);
  // Two smaller teams, each with its own vault and the same closed firewall.
  const [hrKey, opsKey] = (['hr', 'ops'] as const).map((team) => {
    const v = b.vault({
      subscriptionId: fleetSubs.euKeys,
      resourceGroup: 'rg-eu-keys',
      name: `kv-${team}-cmk`,
      tenantId: contoso.tenantId,
      location: 'northeurope',
      purgeProtection: true,
      ...closed,
      accessPolicies: [b.cmekPolicy(contoso.tenantId)],
    });
    return b.key(v, `${team}-bots-key`, [{ keySize: 3072, createdDaysAgo: 90 }])[0];
  });
  const [, contosoNew] = b.world
    .keysOfVault(
      `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults/${contoso.vaultName}`,
    )
    .filter((k) => k.name === 'bot-cmk-key')
    .flatMap((k) =>
      k.versions.map((v) => `https://${contoso.vaultName}.vault.azure.net/keys/bot-cmk-key/${v.version}`),
    );
  const bot = (name: string, displayName: string, keyUrl?: string) =>
    b.bot({
      subscriptionId: contoso.botsSub,
      resourceGroup: contoso.botRg,
      name,
      tenantId: contoso.tenantId,
      displayName,
      keyUrl,
    });
  bot('sales-lead-bot', 'Sales Leads', salesNew);
  bot('sales-quote-bot', 'Sales Quotes', salesOld);
  bot('sales-renewals-bot', 'Sales Renewals', salesOld);
  bot('eu-helpdesk-bot', 'EU Helpdesk', euNew);
  bot('eu-returns-bot', 'EU Returns', euNew);
  bot('finance-expenses-bot', 'Finance Expenses', financeKey);
  bot('contoso-cmk-bot', 'Contoso Payments', contosoNew);
  bot('hr-onboarding-bot', 'HR Onboarding', hrKey);
  bot('ops-alerts-bot', 'Ops Alerts', opsKey);
  return b.world;
}
