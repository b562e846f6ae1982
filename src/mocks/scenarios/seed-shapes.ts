import type { KeyOperation, PrivateEndpointConnectionItem } from '../../arm/types/key-vault';
import type { TwinKeyVersion } from '../store/model';
import type { KeyVersionInput } from './builder';
import { hex } from '../store/random';

const day = 24 * 60 * 60 * 1000;
const wrapOps: KeyOperation[] = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];

/** The private endpoint the deployment's gateway reaches a prepared vault through (its own virtual network's). */
export function gatewayEndpointOf(
  vaultId: string,
  vaultName: string,
  gatewayNetwork: string,
): PrivateEndpointConnectionItem {
  return {
    id: `${vaultId}/privateEndpointConnections/pe-${vaultName}-keyguard`,
    properties: {
      privateEndpoint: {
        id: `${gatewayNetwork}/providers/Microsoft.Network/privateEndpoints/pe-${vaultName}-keyguard`,
      },
      privateLinkServiceConnectionState: {
        status: 'Approved',
        description: 'Keyguard gateway',
        actionsRequired: 'None',
      },
      provisioningState: 'Succeeded',
    },
  };
}

/** A seeded key version: made `monthsBack` thirty-day steps before the start unless its input says when. */
export function keyVersionOf(
  v: KeyVersionInput,
  monthsBack: number,
  startMs: number,
  random: () => number,
): TwinKeyVersion {
  const created = Math.floor((startMs - (v.createdDaysAgo ?? monthsBack * 30) * day) / 1000);
  const kty = v.kty ?? 'RSA';
  return {
    version: hex(random, 32),
    created,
    updated: created,
    enabled: v.enabled ?? true,
    exp: v.expiresInDays === undefined ? undefined : Math.floor((startMs + v.expiresInDays * day) / 1000),
    kty,
    keySize: kty.startsWith('RSA') ? (v.keySize ?? 2048) : undefined,
    curveName: kty.startsWith('EC') ? 'P-256' : undefined,
    keyOps: v.keyOps ?? (kty.startsWith('RSA') ? wrapOps : ['sign', 'verify']),
  };
}
