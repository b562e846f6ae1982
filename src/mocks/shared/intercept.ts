/**
 * Which requests the demo's Azure answers: the Azure hosts the console calls, in every cloud, and the deployment's
 * own Key Vault gateway path. Plain data, so the page can intercept without loading the twin.
 */
const armHosts = ['management.azure.com', 'management.usgovcloudapi.net', 'management.chinacloudapi.cn'];
export const graphHosts = ['graph.microsoft.com', 'graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn'];
export const logAnalyticsHosts = [
  'api.loganalytics.azure.com',
  'api.loganalytics.io',
  'api.loganalytics.us',
  'api.loganalytics.azure.cn',
];
export const directLineHosts = [
  'directline.botframework.com',
  'directline.botframework.azure.us',
  'directline.botframework.azure.cn',
];

/** A vault's data-plane host in one of the three clouds. */
export const keyVaultHost =
  /^[a-z0-9-]{3,24}\.(vault\.azure\.net|vault\.usgovcloudapi\.net|vault\.azure\.cn)$/i;

/** Every Azure host above, and any vault host, as a URL prefix. */
export const azureHostPattern = new RegExp(
  `^https://(${[...armHosts, ...graphHosts, ...directLineHosts, ...logAnalyticsHosts].map((h) => h.replace(/\./g, '\\.')).join('|')}|[a-z0-9-]{3,24}\\.(vault\\.azure\\.net|vault\\.usgovcloudapi\\.net|vault\\.azure\\.cn))/`,
  'i',
);

/** The deployment's own Key Vault gateway, on the app's origin. */
export const gatewayPathPattern = /^https?:\/\/[^/]+\/(?:[^?#]*\/)?api\/keyvault(?:[/?]|$)/i;
