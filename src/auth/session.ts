import { createContext, useContext } from 'react';
import type { Cloud } from '../arm/clouds';

export interface Account {
  name: string;
  username: string;
  /** The tenant the console works in now. */
  tenantId: string;
  homeTenantId: string;
  /**
   * The signed-in user's object id in the directory the console works in now (to give themselves a missing key
   * permission); undefined when it is not known there.
   */
  objectId?: string;
}

export interface Session {
  mode: 'demo' | 'live';
  cloud: Cloud;
  /**
   * Where the real Azure portal is, for what Keyguard does not show itself (set by the live start-up; a demo's
   * resources exist nowhere else, so it has none).
   */
  portalUrl?: string;
  account: Account;
  signOut(): Promise<void>;
  /** Works in another directory: ARM and Graph calls use a token for that tenant from then on. */
  switchTenant(tenantId: string): Promise<void>;
  /** Starts an interactive sign-in when a silent token could not be had. */
  signInAgain(): Promise<void>;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession needs a SessionContext provider.');
  return s;
}
