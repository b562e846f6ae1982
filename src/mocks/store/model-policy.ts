import type { EnforcementMode } from '../../arm/types/policy';

/** A policy assignment at a subscription (the twin has no management groups). */
export interface TwinPolicyAssignment {
  id: string;
  subscriptionId: string;
  name: string;
  displayName: string;
  description?: string;
  policyDefinitionId: string;
  parameters: Record<string, { value: unknown }>;
  enforcementMode: EnforcementMode;
  /** Scopes the assignment leaves out. */
  notScopes: string[];
  createdAt: number;
}

/** A custom initiative (policy set definition) at a subscription: the definitions it includes and its parameters. */
export interface TwinPolicySetDefinition {
  id: string;
  subscriptionId: string;
  name: string;
  displayName: string;
  parameters: Record<string, { type: string; defaultValue?: unknown; allowedValues?: string[] }>;
  policyDefinitions: {
    policyDefinitionId: string;
    policyDefinitionReferenceId: string;
    parameters: Record<string, { value: unknown }>;
  }[];
}

/** The latest state of one resource for one assignment, as an evaluation left it. */
export interface TwinPolicyState {
  subscriptionId: string;
  resourceId: string;
  policyAssignmentId: string;
  policyDefinitionId: string;
  /** The initiative the assignment names, when the definition comes through one. */
  policySetDefinitionId?: string;
  complianceState: 'Compliant' | 'NonCompliant';
  at: number;
}

/** An on-demand evaluation of a subscription, running until `doneAt`. */
export interface TwinPolicyScan {
  id: string;
  subscriptionId: string;
  startedAt: number;
  doneAt: number;
  settled: boolean;
}
