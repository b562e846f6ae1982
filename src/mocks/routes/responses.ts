import { supportedApiVersions } from '../store/api-versions';
import { assumptions, isDeclaredErrorCode } from '../store/assumptions';
import { TwinHttpError } from '../rules/errors';
import { keyVaultTokenRefusal } from '../rules/key-vault-token';
import { providerOf } from './hosts';
import type { Service, TwinRequest, TwinResponse } from './http';

/** An error in the envelope of the service that answers: ARM, Graph, Key Vault (innererror) or Log Analytics. */
/** Log Analytics' envelope: each detail is the innererror of the one before. */
function nested(details: { code?: string; message?: string }[]): { innererror?: unknown } {
  const [first, ...rest] = details;
  return first ? { innererror: { code: first.code, message: first.message, ...nested(rest) } } : {};
}

export function errorResponse(
  nowMs: number,
  status: number,
  code: string,
  message: string,
  service: Service,
  headers: Record<string, string> = {},
  target?: string,
  details?: { code?: string; message?: string }[],
): TwinResponse {
  // The twin may only answer codes whose origin assumptions.ts declares: an undeclared one is a bug, said loudly.
  for (const c of [code, ...(details ?? []).map((d) => d.code)])
    if (c && !isDeclaredErrorCode(c))
      throw new Error(
        `The twin answered error code '${c}', which src/mocks/twin/assumptions.ts does not declare.`,
      );
  const error =
    service === 'graph'
      ? {
          code,
          message,
          innerError: { 'request-id': crypto.randomUUID(), date: new Date(nowMs).toISOString() },
        }
      : service === 'keyvault'
        ? { code, message, ...(details?.[0]?.code ? { innererror: { code: details[0].code } } : {}) }
        : service === 'logs'
          ? { code, message, ...nested(details ?? []) }
          : { code, message, ...(target ? { target } : {}), ...(details?.length ? { details } : {}) };
  return {
    status,
    body: { error },
    headers: {
      ...headers,
      ...(status >= 400 && service === 'arm' ? { 'x-ms-failure-cause': 'gateway' } : {}),
    },
  };
}

/** The headers every answer carries: the server's Date (the console's clock) and the service's request ids. */
export function finishResponse(
  response: TwinResponse,
  service: Service,
  nowMs: number,
  requestCount: number,
): TwinResponse {
  const id = crypto.randomUUID();
  const ids: Record<string, string> =
    service === 'arm'
      ? {
          'x-ms-request-id': id,
          'x-ms-correlation-request-id': id,
          'x-ms-ratelimit-remaining-subscription-reads': String(Math.max(0, 12000 - (requestCount % 12000))),
        }
      : service === 'keyvault'
        ? { 'x-ms-request-id': id, 'x-ms-keyvault-service-version': '1.9.0' }
        : { 'request-id': id, 'client-request-id': id };
  return { ...response, headers: { Date: new Date(nowMs).toUTCString(), ...ids, ...response.headers } };
}

/** ARM's api-version rule: required, and one the provider (or resource type) publishes. */
export function checkArmApiVersion(req: TwinRequest, path: string): void {
  const version = req.url.searchParams.get('api-version');
  if (!version)
    throw new TwinHttpError(400, {
      code: 'MissingApiVersionParameter',
      message: 'The api-version query parameter (?api-version=) is required for all requests.',
    });
  const supported = supportedApiVersions[providerOf(path)];
  if (supported && !supported.includes(version))
    throw new TwinHttpError(400, {
      code: 'InvalidApiVersionParameter',
      message: `The api-version '${version}' is invalid. The supported versions are '${supported.join(',')}'.`,
    });
}

/**
 * Key Vault's own checks before any operation: a bearer token it takes (else 401 with the challenge Azure's SDKs
 * answer to: the vault's tenant and Key Vault's resource) and an api-version it serves.
 */
export function checkKeyVaultRequest(
  req: TwinRequest,
  vaultTenantId: string,
  wallNowSeconds: number,
): TwinResponse | undefined {
  const unauthorized = (message: string): TwinResponse => ({
    status: 401,
    body: { error: { code: 'Unauthorized', message } },
    headers: {
      'WWW-Authenticate': `Bearer authorization="https://login.microsoftonline.com/${vaultTenantId}", resource="https://vault.azure.net"`,
    },
  });
  const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!bearer) return unauthorized('AKV10000: Request is missing a Bearer or PoP token.');
  const refusal = keyVaultTokenRefusal(bearer, vaultTenantId, wallNowSeconds);
  if (refusal) return unauthorized(refusal);
  const version = req.url.searchParams.get('api-version') ?? '';
  if (!(assumptions.keyVault.dataPlaneApiVersions as readonly string[]).includes(version))
    throw new TwinHttpError(400, {
      code: 'BadParameter',
      message: `The specified version (${version || 'none'}) is not recognized. Consider using the latest supported version (2025-07-01).`,
    });
  return undefined;
}
