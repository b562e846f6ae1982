import { isArmError, type ArmError } from '../../arm/errors';

/** Why a key action is handed over as a command rather than sent through the gateway. */
export type RunYourselfReason = 'firewall' | 'gateway-refused' | 'other-tenant';

type KeyErrorFix =
  /** The admin's own address (a call Key Vault took from their browser's network through ARM). */
  | { kind: 'firewall-address'; address: string }
  /** Run the change in the admin's own shell: from their network, past the gateway, or signed in to the vault's tenant. */
  | { kind: 'run-yourself'; why: RunYourselfReason }
  | { kind: 'access-policy'; permission: string }
  | { kind: 'rbac-role'; role: 'Key Vault Crypto Officer' }
  | { kind: 'recover' };

export interface KeyVaultProblem {
  title: string;
  message: string;
  fix?: KeyErrorFix;
  /** How to set it up properly, when the quick fix is not the right one. */
  properly?: string;
}

/** Key Vault sends a general outer code; the inner one says what happened (keys reference §1.3). */
function innerCode(e: ArmError): string | undefined {
  // Through ARM (Keys_List on a firewalled vault) the specific code is the outer one.
  return e.details.find((d) => d.code)?.code ?? e.code;
}

/**
 * What stopped the call before Key Vault looked at the key: Keyguard's own gateway (its allow-list, its tenants, its
 * 30 s), or Key Vault not taking the token (another directory's, or one that has expired).
 */
function signInProblem(error: ArmError): KeyVaultProblem | undefined {
  if (error.service === 'gateway' && error.code === 'GatewayRefused')
    return {
      title: 'Keyguard’s gateway did not pass this call on',
      message: `The gateway said: “${error.message}” Nothing was sent to Key Vault, so nothing changed. Run the change yourself instead.`,
      fix: { kind: 'run-yourself', why: 'gateway-refused' },
      properly:
        error.status === 403
          ? 'The deployment’s KEYGUARD_ALLOWED_TENANTS setting lists the directories whose tokens its gateway relays: whoever runs this deployment can add this one.'
          : undefined,
    };
  if (error.service === 'gateway' && (error.status === 504 || error.status === 502))
    return {
      title:
        error.status === 504 ? 'Key Vault did not answer in time' : 'Key Vault’s answer did not come back',
      message: `The gateway said: “${error.message}” It is not known whether the change was made: refresh the keys to see before trying again.`,
    };
  if (error.status !== 401 || error.code !== 'Unauthorized') return undefined;
  // Key Vault takes tokens only from the vault's own tenant (its AKV10032 refusal names the issuer it expected).
  if (/^AKV10032\b/.test(error.message))
    return {
      title: 'The vault belongs to another directory',
      message: `Key Vault takes tokens only from the vault’s own Microsoft Entra tenant, and yours comes from the directory you work in. Key Vault said: “${error.message}”`,
      fix: { kind: 'run-yourself', why: 'other-tenant' },
      properly:
        'Switch directory (your account menu) to the vault’s tenant, where you are a member or guest, and run the key action from there.',
    };
  return {
    title: 'Key Vault did not accept your sign-in',
    message: `Key Vault refused the token it was sent: “${error.message}” Sign in again, then retry.`,
  };
}

/**
 * Key Vault's refusals in plain words, each with what fixes it: the firewall (and the address it saw), the access
 * policy (and the permission it lacks), RBAC (and the role that gives it), a disabled or missing key, a name held by
 * a deleted key. Anything else keeps Key Vault's own message.
 */
export function keyVaultProblem(error: unknown): KeyVaultProblem | undefined {
  if (!isArmError(error)) return undefined;
  const inner = innerCode(error);
  const text = error.message;
  const refusedSignIn = signInProblem(error);
  if (refusedSignIn) return refusedSignIn;
  if (inner === 'ForbiddenByFirewall') {
    const address = /Client address:\s*([0-9a-fA-F.:]+)/.exec(text)?.[1]?.replace(/[.:]+$/, '');
    // Security: the gateway's outbound address is shared by every app of the hosting platform and is not static.
    // Allowing it through a vault's firewall would admit all of them, so it is never offered.
    if (error.service === 'gateway')
      return {
        title: 'The vault’s firewall refused Keyguard’s gateway',
        message: `Key Vault saw the call come from ${address ?? 'the gateway’s address'}: the address of the gateway this deployment runs on, not yours. Keyguard does not offer to allow it: that address is shared with other apps on the hosting platform and can change, so allowing it would open this vault to every caller of the platform. Run the change from your own network instead.`,
        fix: { kind: 'run-yourself', why: 'firewall' },
        properly:
          'To use the gateway with this vault, give the gateway a private endpoint to the vault (its functions on a virtual network that has one), or a fixed outbound address of your own (a NAT gateway) and allow that address in the firewall.',
      };
    return {
      title: 'The vault’s firewall refused the change',
      message: `Key Vault saw the request come from ${address ?? 'an address'}, which its firewall does not allow.`,
      fix: address ? { kind: 'firewall-address', address } : undefined,
    };
  }
  if (inner === 'ForbiddenByConnection')
    return {
      title: 'The vault takes no calls from public networks',
      message:
        'Public network access is disabled on this vault: run the change from a network with a private endpoint to it.',
    };
  if (inner === 'ForbiddenByPolicy' || error.code === 'AccessDenied') {
    const permission = /does not have keys (\w+) permission/.exec(text)?.[1];
    return {
      title: 'Your access policy lacks a permission',
      message: permission
        ? `Your access policy on this vault does not include the key permission “${permission}”.`
        : 'Your access policy on this vault does not allow this key operation.',
      fix: permission ? { kind: 'access-policy', permission } : undefined,
    };
  }
  if (inner === 'ForbiddenByRbac') {
    const action = /Action:\s*'([^']+)'/.exec(text)?.[1];
    return {
      title: 'Your role on this vault does not allow it',
      message: `This vault uses Azure RBAC, and none of your roles on it allows ${action ?? 'this key operation'}. Key Vault Crypto Officer does.`,
      fix: { kind: 'rbac-role', role: 'Key Vault Crypto Officer' },
    };
  }
  if (inner === 'KeyDisabled' || error.code === 'KeyDisabled')
    return {
      title: 'The key is disabled',
      message: 'Key Vault refuses this operation on a disabled key version: enable it first.',
    };
  if (error.code === 'KeyNotFound')
    return {
      title: 'The key is not there',
      message:
        'Key Vault does not know this key or version: it may have been deleted (see Deleted keys) or the list is out of date.',
    };
  if (inner === 'ObjectIsDeletedButRecoverable')
    return {
      title: 'A deleted key holds this name',
      message:
        'A soft-deleted key of this name exists: recover it, or wait until it is purged, to use the name again.',
      fix: { kind: 'recover' },
    };
  if (inner === 'ObjectIsBeingRecovered' || error.status === 409)
    return {
      title: 'The key is busy',
      message: 'The key is being deleted or recovered right now; wait a moment, then refresh and try again.',
    };
  return undefined;
}
