import { createContext, useContext } from 'react';

export interface BladeContextValue {
  resourceId: string;
  resourceName: string;
  /** "Azure Bot", "Key vault", "Subscription" */
  typeLabel: string;
  bladeId: string;
  bladeLabel: string;
  tenant?: string;
  query: Record<string, string>;
}

export const BladeContext = createContext<BladeContextValue | undefined>(undefined);

export function useBlade(): BladeContextValue {
  const b = useContext(BladeContext);
  if (!b) throw new Error('useBlade needs a BladeContext (render blades inside a resource page).');
  return b;
}
