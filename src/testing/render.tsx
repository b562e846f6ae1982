import { parseResourceId } from '../arm/resource-id';
import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { clouds } from '../arm/clouds';
import { Providers } from '../app/app';
import type { Session } from '../auth/session';
import { BladeContext, type BladeContextValue } from '../portal/blade/blade-context';

export const testSession: Session = {
  mode: 'demo',
  cloud: clouds.AzureCloud,
  account: {
    name: 'Avery Admin',
    username: 'avery@contoso.onmicrosoft.com',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    homeTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    objectId: '4c5d8e1a-2b3f-4a6c-9d7e-1f2a3b4c5d6e',
  },
  signOut: async () => undefined,
  switchTenant: async () => undefined,
  signInAgain: async () => undefined,
};

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 0, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
}

/** Renders with the real providers (Fluent, TanStack Query, notifications, unsaved-changes guard); network goes to the twin. */
export function renderWithProviders(
  ui: ReactElement,
  options: { blade?: BladeContextValue; queryClient?: QueryClient } = {},
): RenderResult & { queryClient: QueryClient } {
  const queryClient = options.queryClient ?? testQueryClient();
  const wrapped = options.blade ? (
    <BladeContext.Provider value={options.blade}>{ui}</BladeContext.Provider>
  ) : (
    ui
  );
  const result = render(
    <Providers session={testSession} queryClient={queryClient}>
      {wrapped}
    </Providers>,
  );
  return { ...result, queryClient };
}

export function bladeContext(
  resourceId: string,
  bladeId: string,
  bladeLabel: string,
  typeLabel = 'Azure Bot',
  query: Record<string, string> = {},
): BladeContextValue {
  const name = parseResourceId(resourceId)?.name ?? '';
  return {
    resourceId,
    resourceName: name,
    typeLabel,
    bladeId,
    bladeLabel,
    tenant: 'contoso.onmicrosoft.com',
    query,
  };
}
