import { assumptions } from '../store/assumptions';
import type { TwinActor } from '../store/model';
import type { World } from '../store/world';
import { azureCliAppId } from '../shared/demo-token';

/** Resource Graph's `clientType` for a request, from its User-Agent (see assumptions.history). */
/** @internal Exported for its unit tests. */
export function clientTypeOf(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  return assumptions.history.clientTypes.find((c) => c.userAgent.test(ua))?.clientType ?? 'Unknown';
}

/** The signed-in demo admin, calling from the console (or from any client on this machine). */
export function demoActor(world: World, headers: Record<string, string>): TwinActor {
  const user = world.principals.get(world.settings.demoUserObjectId);
  return {
    objectId: world.settings.demoUserObjectId,
    caller: user?.userPrincipalName ?? world.settings.demoUserObjectId,
    kind: 'User',
    appId: assumptions.history.keyguardDemoAppId,
    clientType: clientTypeOf(headers['user-agent']),
    ip: world.settings.clientIp,
  };
}

export interface OtherAdmin {
  /** A user of the directory, by the start of their UPN (`jordan`) or whole UPN. */
  user: string;
  clientType: 'Azure Portal' | 'Azure CLI' | 'Azure PowerShell' | 'Terraform';
}

/** First-party client ids as tokens carry them: Azure Portal, Azure CLI, Azure PowerShell (public, well known). */
const clientApps: Record<OtherAdmin['clientType'], string> = {
  'Azure Portal': 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
  'Azure CLI': azureCliAppId,
  'Azure PowerShell': '1950a258-227b-4e31-a9cf-717495945fc2',
  Terraform: azureCliAppId,
};

/** A colleague in the same directory; unknown names fall back to a made-up one so a preset still runs. */
export function otherActor(world: World, who: OtherAdmin): TwinActor {
  const wanted = who.user.toLowerCase();
  let found: { objectId: string; upn: string } | undefined;
  for (const p of world.principals.values()) {
    const upn = p.userPrincipalName?.toLowerCase();
    if (p.kind === 'user' && upn && (upn === wanted || upn.startsWith(`${wanted}@`))) {
      found = { objectId: p.objectId, upn: p.userPrincipalName! };
      break;
    }
  }
  return {
    objectId: found?.objectId ?? '00000000-0000-4000-8000-000000000001',
    caller: found?.upn ?? `${who.user}@example.com`,
    kind: 'User',
    appId: clientApps[who.clientType],
    clientType: who.clientType,
    ip: '198.51.100.23',
  };
}
