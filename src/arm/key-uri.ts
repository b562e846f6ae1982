import { keyVaultDnsSuffixes } from './clouds';

/** ARM returns key URIs with an explicit `:443` (keys.json examples); the Bot Service is given the plain form. */
export function stripDefaultPort(uri: string): string {
  return uri.replace(/^(https:\/\/[^/:]+):443(?=\/|$)/i, '$1');
}

export interface KeyUriParts {
  vaultName: string;
  /** `https://{vault}{suffix}` */
  vaultUri: string;
  dnsSuffix: string;
  keyName: string;
  version?: string;
}

/** Parses a well-formed Key Vault key identifier (versioned or not); anything else gives undefined. */
export function parseKeyUri(uri: string): KeyUriParts | undefined {
  const m =
    /^https:\/\/([a-zA-Z0-9-]{3,24})(\.vault\.[a-z.]+)(?::443)?\/keys\/([a-zA-Z0-9-]{1,127})(?:\/([a-fA-F0-9]{32}))?$/.exec(
      uri,
    );
  if (!m) return undefined;
  const [, vaultName, dnsSuffix, keyName, version] = m as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  if (!keyVaultDnsSuffixes.includes(dnsSuffix.toLowerCase())) return undefined;
  return {
    vaultName,
    vaultUri: `https://${vaultName}${dnsSuffix}`.toLowerCase(),
    dnsSuffix: dnsSuffix.toLowerCase(),
    keyName,
    version,
  };
}

export function sameKeyUri(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b) return false;
  return stripDefaultPort(a).toLowerCase() === stripDefaultPort(b).toLowerCase();
}
