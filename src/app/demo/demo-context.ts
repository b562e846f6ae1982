import { createContext, useContext } from 'react';
import type { TwinControl } from '../../mocks/harness/control';

/** Demo builds only: the twin's control surface for the banner and demo panel (never for blades). */
export const DemoControlContext = createContext<TwinControl | undefined>(undefined);

export function useDemoControl(): TwinControl | undefined {
  return useContext(DemoControlContext);
}
