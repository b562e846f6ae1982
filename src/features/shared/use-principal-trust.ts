import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSession } from '../../auth/session';
import { principalTrust, type PrincipalFacts, type PrincipalTrust } from '../../domain/bot-service-principal';
import { cmekPrincipalQuery } from '../../queries/cmek-principal';

export interface TrustSubject extends PrincipalFacts {
  id: string;
}

/**
 * How far a principal is Microsoft's Bot Service CMEK Prod: by its directory facts (application id and owner), and
 * by object id against the principal looked up for this tenant when the facts could not be read.
 */
export function usePrincipalTrust() {
  const session = useSession();
  const lookup = useQuery(cmekPrincipalQuery(session.cloud, session.account.tenantId));
  const genuineId = lookup.data?.status === 'found' ? lookup.data.principal.id.toLowerCase() : undefined;
  const trustOf = useCallback(
    (p: TrustSubject): PrincipalTrust => {
      const byFacts = principalTrust(p, session.cloud.name);
      if (byFacts !== 'other') return byFacts;
      return genuineId !== undefined && p.id.toLowerCase() === genuineId ? 'genuine' : 'other';
    },
    [genuineId, session.cloud.name],
  );
  return { trustOf, lookup };
}
