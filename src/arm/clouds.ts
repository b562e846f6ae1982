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
  },
};

export function isCloudName(value: unknown): value is CloudName {
  return typeof value === 'string' && value in clouds;
}
