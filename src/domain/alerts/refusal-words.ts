import { isArmError } from '../../arm/errors';
import { parseResourceId } from '../../arm/resource-id';
import { describeError } from '../error-wording';
import type { PlannedResource } from './plan-parts';

/** The role each kind of alerting resource needs (built-in roles; learn: Azure Monitor roles, Event Grid roles). */
export function roleNeeded(r: Pick<PlannedResource, 'type' | 'id'>): { role: string; scope: string } {
  const p = parseResourceId(r.id);
  const scope = p?.resourceGroup ? `resource group ${p.resourceGroup}` : 'its resource group';
  return /^microsoft\.eventgrid\//i.test(r.type)
    ? { role: 'EventGrid Contributor', scope }
    : { role: 'Monitoring Contributor', scope };
}

/**
 * Plain words, with the fix, for why one resource of the plan was not made. A 4xx is Azure's refusal (nothing made);
 * anything else leaves the write's outcome unknown, and a retry sends the same PUT again, which is safe.
 */
export function alertWriteFailure(r: PlannedResource, error: unknown): { title: string; message: string } {
  if (!isArmError(error)) return describeError(error);
  const provider = r.type.split('/')[0] ?? r.type;
  if (error.status === 403) {
    const need = roleNeeded(r);
    return {
      title: `You cannot create the ${r.title.toLowerCase()}`,
      message: `Your account needs the ${need.role} role on ${need.scope}. Ask an owner to assign it, then retry. (${error.message})`,
    };
  }
  if (error.code === 'MissingSubscriptionRegistration')
    return {
      title: `${provider} is not registered`,
      message: `Register ${provider} on subscription ${parseResourceId(r.id)?.subscriptionId ?? ''} (Subscription → Resource providers), then retry.`,
    };
  if (error.status === 409)
    return {
      title: `Azure refused the ${r.title.toLowerCase()} for now`,
      message: `${error.message} It may still be being made or changed: retry in a minute.`,
    };
  if (error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429)
    return {
      title: `Azure refused the ${r.title.toLowerCase()}`,
      message: `${error.message} Nothing was made.`,
    };
  const { title, message } = describeError(error);
  return {
    title,
    message: `${message} Azure may or may not have made it; Retry sends the same request again, which is safe.`,
  };
}
