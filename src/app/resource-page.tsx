import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useMemo } from 'react';
import { parseResourceId } from '../arm/resource-id';
import { useSession } from '../auth/session';
import { BladeContext, type BladeContextValue } from '../portal/blade/blade-context';
import { BladeErrorBoundary } from '../portal/error-boundary';
import { resourceHash } from '../portal/navigation/routes';
import { RouterLink } from '../portal/navigation/router-link';
import { ResourceMenu } from '../portal/resource-menu';
import { subscriptionsQuery } from '../queries/resources';
import { kindOf } from './pages';
import { resourceTypes } from './resource-types';
import { subscriptionById } from '../domain/subscription-by-id';

const useStyles = makeStyles({
  layout: {
    display: 'flex',
    flex: 1,
    minHeight: 0,
    '@media (max-width: 700px)': { flexDirection: 'column', overflow: 'auto' },
  },
  fallback: { padding: tokens.spacingHorizontalXL },
});

export function ResourcePage({
  resourceId,
  blade,
  tenant,
  query,
}: {
  resourceId: string;
  blade: string;
  tenant?: string;
  query: Record<string, string>;
}) {
  const styles = useStyles();
  const session = useSession();
  const kind = kindOf(resourceId);
  const parsed = parseResourceId(resourceId);
  const subs = useQuery({ ...subscriptionsQuery(), enabled: kind === 'subscription' });
  const def = kind ? resourceTypes[kind] : undefined;
  // A child blade (`accesspolicies/create`, `keys/{name}`) sits under its menu entry.
  const [menuId = blade, child] = blade.split('/');
  const childKey =
    child === undefined
      ? undefined
      : def?.children[`${menuId}/${child}`]
        ? `${menuId}/${child}`
        : `${menuId}/*`;
  const childLabel = childKey ? def?.children[childKey] : undefined;
  const item = def?.menu.flatMap((g) => g.items).find((i) => i.id === menuId);
  const resourceName =
    kind === 'subscription'
      ? (subscriptionById(subs.data, parsed?.subscriptionId)?.displayName ?? parsed?.name ?? '')
      : (parsed?.name ?? '');
  const bladeKey = childKey ?? menuId;
  const known =
    item && !item.external && def?.blades[bladeKey] && (child === undefined || childLabel !== undefined);
  const context = useMemo<BladeContextValue | undefined>(
    () =>
      def && item && known
        ? {
            resourceId,
            resourceName,
            typeLabel: def.typeLabel,
            bladeId: blade,
            bladeLabel: childLabel ? childLabel(child ?? '') : item.label,
            tenant,
            query,
          }
        : undefined,
    [def, item, known, blade, child, childLabel, resourceId, resourceName, tenant, query],
  );
  if (!def || !context) {
    return (
      <div className={styles.fallback}>
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>This link does not open a blade</MessageBarTitle>
            {def
              ? `The ${def.typeLabel} has no blade called “${blade}”.`
              : 'Keyguard opens Azure Bots, key vaults and subscriptions.'}{' '}
            {def && (
              <RouterLink href={resourceHash(resourceId, 'overview', tenant)}>Open its overview</RouterLink>
            )}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  const Blade = def.blades[bladeKey]!;
  return (
    <div className={styles.layout}>
      <ResourceMenu
        groups={def.menu}
        selected={menuId}
        hrefFor={(id) => resourceHash(resourceId, id, tenant)}
        externalHrefFor={
          session.portalUrl
            ? (id) =>
                `${session.portalUrl}/#@${tenant ?? session.account.tenantId}/resource${resourceId}/${id}`
            : undefined
        }
      />
      <BladeContext.Provider value={context}>
        <BladeErrorBoundary resetKey={`${resourceId}/${blade}`}>
          <Suspense fallback={<Spinner className={styles.fallback} label="Opening blade…" />}>
            <Blade />
          </Suspense>
        </BladeErrorBoundary>
      </BladeContext.Provider>
    </div>
  );
}
