export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export interface Cloud {
  name: CloudName;
  armEndpoint: string;
  graphEndpoint: string;
  authority: string;
  armScope: string;
  graphScope: string;
  keyVaultDnsSuffix: string;
  /** Direct Line, where the message test talks to the bot (Bot Framework's host in this cloud). */
  directLineEndpoint: string;
  /** The Azure portal of this cloud, for links to what Keyguard does not show. */
  portalUrl: string;
  /** Azure Monitor's Log Analytics query API (Key Vault's audit log, once sent to a workspace). */
  logAnalyticsEndpoint: string;
  /** The delegated Data.Read scope of Log Analytics; in the public cloud its resource is the older host name. */
  logAnalyticsScope: string;
  /** Key Vault's data plane (reached through the deployment's gateway; the token is the admin's own). */
  keyVaultScope: string;
}

// Endpoints per the Azure CLI's cloud table (see arm-reference §0).
export const clouds: Record<CloudName, Cloud> = {
  AzureCloud: {
    name: 'AzureCloud',
    armEndpoint: 'https://management.azure.com',
    graphEndpoint: 'https://graph.microsoft.com',
    authority: 'https://login.microsoftonline.com',
    armScope: 'https://management.azure.com/user_impersonation',
    graphScope: 'https://graph.microsoft.com/Directory.Read.All',
    keyVaultDnsSuffix: '.vault.azure.net',
    directLineEndpoint: 'https://directline.botframework.com',
    portalUrl: 'https://portal.azure.com',
    logAnalyticsEndpoint: 'https://api.loganalytics.azure.com',
    logAnalyticsScope: 'https://api.loganalytics.io/Data.Read',
    keyVaultScope: 'https://vault.azure.net/user_impersonation',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    armEndpoint: 'https://management.usgovcloudapi.net',
    graphEndpoint: 'https://graph.microsoft.us',
    authority: 'https://login.microsoftonline.us',
    armScope: 'https://management.usgovcloudapi.net/user_impersonation',
    graphScope: 'https://graph.microsoft.us/Directory.Read.All',
    keyVaultDnsSuffix: '.vault.usgovcloudapi.net',
    // Bot Framework's Azure Government docs (Web Chat's createDirectLine domain).
    directLineEndpoint: 'https://directline.botframework.azure.us',
    portalUrl: 'https://portal.azure.us',
    logAnalyticsEndpoint: 'https://api.loganalytics.us',
    logAnalyticsScope: 'https://api.loganalytics.us/Data.Read',
    keyVaultScope: 'https://vault.usgovcloudapi.net/user_impersonation',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    armEndpoint: 'https://management.chinacloudapi.cn',
    graphEndpoint: 'https://microsoftgraph.chinacloudapi.cn',
    authority: 'https://login.chinacloudapi.cn',
    armScope: 'https://management.chinacloudapi.cn/user_impersonation',
    graphScope: 'https://microsoftgraph.chinacloudapi.cn/Directory.Read.All',
    keyVaultDnsSuffix: '.vault.azure.cn',
    directLineEndpoint: 'https://directline.botframework.azure.cn',
    portalUrl: 'https://portal.azure.cn',
    logAnalyticsEndpoint: 'https://api.loganalytics.azure.cn',
    logAnalyticsScope: 'https://api.loganalytics.azure.cn/Data.Read',
    keyVaultScope: 'https://vault.azure.cn/user_impersonation',
  },
};

export function isCloudName(value: unknown): value is CloudName {
  return typeof value === 'string' && value in clouds;
}
