/** Azure Policy shapes (Microsoft.Authorization 2023-04-01 policyAssignments; Microsoft.PolicyInsights 2019-10-01). */

export type EnforcementMode = 'Default' | 'DoNotEnforce';

export interface PolicyAssignment {
  id: string;
  name: string;
  type?: string;
  /** Present when the assignment has a managed identity (a PUT must carry both back). */
  location?: string;
  identity?: Record<string, unknown>;
  properties: {
    displayName?: string;
    description?: string;
    policyDefinitionId: string;
    scope?: string;
    notScopes?: string[];
    /** `{effect: {value: 'Audit'}}` for the Bot Service CMK definition. */
    parameters?: Record<string, { value: unknown }>;
    enforcementMode?: EnforcementMode;
    /** What an admin may have set in the portal, kept as it is on a change of effect. */
    metadata?: Record<string, unknown>;
    nonComplianceMessages?: unknown[];
    overrides?: unknown[];
    resourceSelectors?: unknown[];
  };
}

export interface PolicyAssignmentCreate {
  location?: string;
  identity?: Record<string, unknown>;
  properties: {
    displayName: string;
    description?: string;
    policyDefinitionId: string;
    parameters: Record<string, { value: unknown }>;
    enforcementMode: EnforcementMode;
    notScopes?: string[];
    metadata?: Record<string, unknown>;
    nonComplianceMessages?: unknown[];
    overrides?: unknown[];
    resourceSelectors?: unknown[];
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

/** A policy set definition (initiative), Microsoft.Authorization 2023-04-01: the parts Keyguard reads. */
export interface PolicySetDefinition {
  id: string;
  name: string;
  type?: string;
  properties: {
    displayName?: string;
    policyType?: string;
    parameters?: Record<string, { type?: string; defaultValue?: unknown; allowedValues?: unknown[] }>;
    policyDefinitions: {
      policyDefinitionId: string;
      policyDefinitionReferenceId?: string;
      /** A member's parameters: literal values, or `[parameters('name')]` taken from the initiative's own. */
      parameters?: Record<string, { value: unknown }>;
    }[];
  };
}
