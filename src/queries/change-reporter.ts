import { createContext, useContext } from 'react';

/** How a change to Azure is reported while it runs and when it ends (the portal's notifications implement it). */
interface ChangeHandle {
  succeed(title: string, message?: string): void;
  fail(title: string, message?: string): void;
  warn(title: string, message?: string): void;
  progress(message: string): void;
}

export interface ChangeReporter {
  /** `resourceId` (and `blade`) say what the report links to. */
  start(input: { title: string; resourceId?: string; blade?: string }): ChangeHandle;
}

/**
 * Mutations live below the portal's chrome, so they report through this port; the app connects it to the
 * notifications hub (src/app/app.tsx).
 */
export const ChangeReporterContext = createContext<ChangeReporter | undefined>(undefined);

export function useChangeReporter(): ChangeReporter {
  const reporter = useContext(ChangeReporterContext);
  if (!reporter) throw new Error('useChangeReporter needs a ChangeReporterContext provider.');
  return reporter;
}
