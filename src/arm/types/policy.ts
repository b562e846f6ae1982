/** Azure Policy shapes (Microsoft.Authorization 2023-04-01 policyAssignments; Microsoft.PolicyInsights 2019-10-01). */

export type EnforcementMode = 'Default' | 'DoNotEnforce';

export interface PolicyAssignment {
  id: string;
  name: string;
  type?: string;
  properties: {
    displayName?: string;
    description?: string;
    policyDefinitionId: string;
    scope?: string;
    notScopes?: string[];
    /** `{effect: {value: 'Audit'}}` for the Bot Service CMK definition. */
    parameters?: Record<string, { value: unknown }>;
    enforcementMode?: EnforcementMode;
  };
}

export interface PolicyAssignmentCreate {
  properties: {
    displayName: string;
    description?: string;
    policyDefinitionId: string;
    parameters: Record<string, { value: unknown }>;
    enforcementMode: EnforcementMode;
  };
}

/** A row of Resource Graph's `policyresources` table for `microsoft.policyinsights/policystates`, as projected. */
export interface PolicyStateRow {
  id: string;
  resourceId: string;
  /** `Compliant`, `NonCompliant`, `Conflict`, `Exempt` (the Microsoft samples), or another value, shown verbatim. */
  complianceState: string;
  policyAssignmentId: string;
  timestamp: string;
}
