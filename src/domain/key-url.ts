import { clouds, type CloudName } from '../arm/clouds';

declare const parsed: unique symbol;

/**
 * A Key Vault key identifier, parsed once where it enters the console (typed input, the key picker, ARM's answers)
 * and passed on as this value. `href` is the normal form: lower-case host without the `:443` ARM writes, the key name
 * as given, the version in lower case.
 */
export interface KeyUrl {
  readonly href: string;
  readonly vaultName: string;
  /** `https://{vault}{dns suffix}`, no trailing slash. */
  readonly vaultUrl: string;
  readonly cloud: CloudName;
  readonly keyName: string;
  readonly version: string | undefined;
  readonly [parsed]: true;
}

/** What Azure Bot Service needs: a key identifier with its version. */
export type VersionedKeyUrl = KeyUrl & { readonly version: string };

export type KeyUrlResult<T extends KeyUrl = KeyUrl> = { ok: true; url: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
export const keyNamePattern = /^[a-zA-Z0-9-]{1,127}$/;
const versionPattern = /^[0-9a-fA-F]{32}$/;
const suffixes = Object.values(clouds).map((c) => ({ suffix: c.keyVaultDnsSuffix, cloud: c.name }));

/**
 * The one grammar of key identifiers: `https://{vault}{suffix}/keys/{name}[/{32-hex version}]`, in any of the three
 * clouds. Every way of getting it wrong has its own message.
 * @internal Exported for its unit tests.
 */
export function parseKeyUrl(raw: string): KeyUrlResult {
  if (raw.trim() === '') return fail('Enter the key URL: the full key identifier including its version.');
  if (raw !== raw.trim()) return fail('Remove the spaces before or after the URL.');
  if (/\s/.test(raw)) return fail('The URL contains spaces; copy the key identifier again without them.');
  if (raw.length > 2048) return fail('The URL is too long to be a key identifier.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(
      'This is not a URL. Paste the key identifier, for example https://contoso-kv.vault.azure.net/keys/bot-key/0123456789abcdef0123456789abcdef.',
    );
  }
  if (url.protocol !== 'https:') return fail('The key URL must start with https://.');
  if (url.username || url.password) return fail('The key URL must not contain a user name or password.');
  if (url.search || url.hash) return fail('Remove the query string or fragment (? or #) from the key URL.');
  // The URL parser drops the default :443 itself; any other port is not Key Vault's.
  if (url.port) return fail(`Key Vault answers on port 443 only; remove :${url.port}.`);
  const host = url.hostname;
  const match = suffixes.find((s) => host.endsWith(s.suffix));
  if (!match) {
    if (host.endsWith('.managedhsm.azure.net'))
      return fail(
        'Managed HSM keys are not supported here: use a key in an Azure Key Vault (*.vault.azure.net).',
      );
    return fail(
      `“${host}” is not a key vault: the host must end with ${suffixes.map((s) => s.suffix).join(', ')}.`,
    );
  }
  const vaultName = host.slice(0, -match.suffix.length);
  if (!/^[a-z0-9-]{3,24}$/.test(vaultName))
    return fail(`“${vaultName}” is not a valid key vault name (3 to 24 letters, digits and hyphens).`);
  if (!/^[a-z]/.test(vaultName) || vaultName.endsWith('-') || vaultName.includes('--'))
    return fail(
      `“${vaultName}” is not a valid key vault name: it starts with a letter, and has no trailing or double hyphens.`,
    );
  const path = url.pathname;
  if (path.endsWith('/') && path !== '/')
    return fail('Remove the trailing slash: the URL must end with the key version.');
  const [collection, name, version, ...extra] = path.split('/').filter(Boolean);
  if (!collection) return fail('This is the vault’s address, not a key: add /keys/{key name}/{version}.');
  if (collection === 'secrets')
    return fail('This is a secret URL. Azure Bot Service needs a key: use /keys/{key name}/{version}.');
  if (collection === 'certificates')
    return fail('This is a certificate URL. Azure Bot Service needs a key: use /keys/{key name}/{version}.');
  if (collection !== 'keys')
    return fail(`Unexpected “/${collection}/”: a key identifier looks like /keys/{key name}/{version}.`);
  if (!name) return fail('Add the key name and version after /keys/.');
  if (!keyNamePattern.test(name))
    return fail(`“${name}” is not a valid key name (1 to 127 letters, digits and hyphens).`);
  if (version === 'versions' || extra.length > 0)
    return fail('Use the key identifier form /keys/{key name}/{version}, not an ARM resource path.');
  if (version !== undefined && !versionPattern.test(version))
    return fail(`“${version}” is not a key version: a version is 32 hexadecimal characters.`);
  const vaultUrl = `https://${vaultName}${match.suffix}`;
  const v = version?.toLowerCase();
  return {
    ok: true,
    url: {
      href: `${vaultUrl}/keys/${name}${v ? `/${v}` : ''}`,
      vaultName,
      vaultUrl,
      cloud: match.cloud,
      keyName: name,
      version: v,
    } as KeyUrl,
  };
}

/** The Key URL field of the Encryption blade: Azure Bot Service needs the full versioned identifier. */
export function parseVersionedKeyUrl(raw: string): KeyUrlResult<VersionedKeyUrl> {
  const r = parseKeyUrl(raw);
  if (!r.ok) return r;
  if (r.url.version === undefined)
    return fail(
      'This key URL has no version. Add the version (32 hexadecimal characters): Azure Bot Service needs the full versioned URI.',
    );
  return { ok: true, url: r.url as VersionedKeyUrl };
}

/** A key identifier from Azure's answers, or undefined when the value is not one (a leftover, garbage). */
export function keyUrlOf(raw: string | null | undefined): KeyUrl | undefined {
  if (!raw) return undefined;
  const r = parseKeyUrl(raw.trim());
  return r.ok ? r.url : undefined;
}

export function versionedKeyUrlOf(raw: string | null | undefined): VersionedKeyUrl | undefined {
  const url = keyUrlOf(raw);
  return url?.version === undefined ? undefined : (url as VersionedKeyUrl);
}

/** Same key version (or the same key, when neither has a version). Key names are case-insensitive in Key Vault. */
export function sameKeyUrl(a: KeyUrl | undefined, b: KeyUrl | undefined): boolean {
  return a !== undefined && b !== undefined && a.href.toLowerCase() === b.href.toLowerCase();
}
