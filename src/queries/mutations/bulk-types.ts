import type { QueryClient } from '@tanstack/react-query';
import type { Cloud } from '../../arm/clouds';
import type { ActionGroupChoice } from '../../domain/alerts/plan';

export interface BulkContext {
  queryClient: QueryClient;
  cloud: Cloud;
  tenantId: string;
  /** Stops waiting (a registration's polling), never a write already sent. */
  signal: AbortSignal;
  nowMs(): number;
  /** Called right before the item's write is sent: from then on a failure may have left the change made. */
  writing(): void;
  /** Who a run of 'cover-alerts' tells: chosen once for every vault. */
  alertGroup?: ActionGroupChoice;
}

/** How an item ended when nothing went wrong: changed, found already so, or started and finishing in Azure. */
export interface BulkOutcome {
  state: 'done' | 'already' | 'pending';
  message: string;
}

/** The item's own guard said no: nothing was written. */
export class BulkRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BulkRefusal';
  }
}
