import { keyVaultDnsSuffixes } from '../../arm/clouds';

export type KeyUrlCheck =
  | { ok: true; vaultName: string; vaultUri: string; keyName: string; version: string }
  | { ok: false; message: string };

const fail = (message: string): KeyUrlCheck => ({ ok: false, message });

/**
 * Checks a Key URL as the user types, before any call: the Bot Service needs the full versioned key identifier
 * `https://{vault}.vault.azure.net/keys/{name}/{32-hex version}` (or a sovereign cloud's vault suffix).
 * Every way of getting it wrong has its own message.
 */
export function checkKeyUrl(raw: string): KeyUrlCheck {
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
  if (url.port && url.port !== '443') return fail(`Key Vault answers on port 443 only; remove :${url.port}.`);
  const host = url.hostname.toLowerCase();
  const suffix = keyVaultDnsSuffixes.find((s) => host.endsWith(s));
  if (!suffix) {
    if (host.endsWith('.managedhsm.azure.net'))
      return fail(
        'Managed HSM keys are not supported here: use a key in an Azure Key Vault (*.vault.azure.net).',
      );
    return fail(`“${host}” is not a key vault: the host must end with ${keyVaultDnsSuffixes.join(', ')}.`);
  }
  const vaultName = host.slice(0, -suffix.length);
  if (!/^[a-z0-9-]{3,24}$/.test(vaultName) || vaultName.includes('.'))
    return fail(`“${vaultName}” is not a valid key vault name (3 to 24 letters, digits and hyphens).`);
  if (!/^[a-z]/.test(vaultName) || vaultName.endsWith('-') || vaultName.includes('--')) {
    return fail(
      `“${vaultName}” is not a valid key vault name: it starts with a letter, and has no trailing or double hyphens.`,
    );
  }
  const path = url.pathname;
  if (path.endsWith('/') && path !== '/')
    return fail('Remove the trailing slash: the URL must end with the key version.');
  const segments = path.split('/').filter(Boolean);
  const [collection, name, version, ...extra] = segments;
  if (!collection) return fail('This is the vault’s address, not a key: add /keys/{key name}/{version}.');
  if (collection === 'secrets')
    return fail('This is a secret URL. Azure Bot Service needs a key: use /keys/{key name}/{version}.');
  if (collection === 'certificates')
    return fail('This is a certificate URL. Azure Bot Service needs a key: use /keys/{key name}/{version}.');
  if (collection !== 'keys')
    return fail(`Unexpected “/${collection}/”: a key identifier looks like /keys/{key name}/{version}.`);
  if (!name) return fail('Add the key name and version after /keys/.');
  if (!/^[a-zA-Z0-9-]{1,127}$/.test(name))
    return fail(`“${name}” is not a valid key name (1 to 127 letters, digits and hyphens).`);
  if (!version)
    return fail(
      'This key URL has no version. Add the version (32 hexadecimal characters): Azure Bot Service needs the full versioned URI.',
    );
  if (version === 'versions' || extra.length > 0)
    return fail('Use the key identifier form /keys/{key name}/{version}, not an ARM resource path.');
  if (!/^[0-9a-fA-F]{32}$/.test(version))
    return fail(`“${version}” is not a key version: a version is 32 hexadecimal characters.`);
  return {
    ok: true,
    vaultName,
    vaultUri: `https://${vaultName}${suffix}`,
    keyName: name,
    version: version.toLowerCase(),
  };
}
