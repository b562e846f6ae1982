/**
 * Azure Monitor alerting and Event Grid wire types, as the stable REST specs define them: scheduled query rules
 * (Microsoft.Insights 2023-12-01), action groups (2023-01-01), Activity log alerts (2020-10-01), Event Grid system
 * topics and their event subscriptions (Microsoft.EventGrid 2025-02-15). Only the fields Keyguard writes or reads.
 */

type Tags = Record<string, string>;

interface EmailReceiver {
  name: string;
  emailAddress: string;
  useCommonAlertSchema?: boolean;
  readonly status?: 'NotSpecified' | 'Enabled' | 'Disabled';
}

export interface ActionGroupProperties {
  /** Shown in SMS and e-mail subjects; at most 12 characters. */
  groupShortName: string;
  enabled: boolean;
  emailReceivers?: EmailReceiver[];
  webhookReceivers?: { name: string; serviceUri: string; useCommonAlertSchema?: boolean }[];
}

export interface ActionGroupResource {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  location: string;
  tags?: Tags;
  properties: ActionGroupProperties;
}

type TimeAggregation = 'Count' | 'Average' | 'Minimum' | 'Maximum' | 'Total';
type ConditionOperator = 'Equals' | 'GreaterThan' | 'GreaterThanOrEqual' | 'LessThan' | 'LessThanOrEqual';

interface ScheduledQueryCondition {
  query?: string;
  timeAggregation?: TimeAggregation;
  metricMeasureColumn?: string;
  resourceIdColumn?: string;
  dimensions?: { name: string; operator: 'Include' | 'Exclude'; values: string[] }[];
  operator?: ConditionOperator;
  threshold?: number;
  failingPeriods?: { numberOfEvaluationPeriods?: number; minFailingPeriodsToAlert?: number };
}

export interface ScheduledQueryRuleProperties {
  displayName?: string;
  description?: string;
  severity?: 0 | 1 | 2 | 3 | 4;
  enabled?: boolean;
  /** Exactly one: the Log Analytics workspace the query runs in. */
  scopes?: string[];
  evaluationFrequency?: string;
  windowSize?: string;
  criteria?: { allOf?: ScheduledQueryCondition[] };
  autoMitigate?: boolean;
  muteActionsDuration?: string;
  actions?: { actionGroups?: string[]; customProperties?: Record<string, string> };
}

export interface ScheduledQueryRuleResource {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  location: string;
  kind?: 'LogAlert' | 'LogToMetric';
  tags?: Tags;
  properties: ScheduledQueryRuleProperties;
}

/** A leaf condition of an Activity log alert: `field` equals `equals`, or any of `containsAny`. */
interface AlertRuleLeafCondition {
  field?: string;
  equals?: string;
  containsAny?: string[];
}

export interface AlertRuleAnyOfOrLeafCondition extends AlertRuleLeafCondition {
  anyOf?: AlertRuleLeafCondition[];
}

export interface ActivityLogAlertProperties {
  scopes: string[];
  condition: { allOf: AlertRuleAnyOfOrLeafCondition[] };
  actions: { actionGroups?: { actionGroupId: string; webhookProperties?: Record<string, string> }[] };
  enabled?: boolean;
  description?: string;
}

export interface ActivityLogAlertResource {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  location: string;
  tags?: Tags;
  properties: ActivityLogAlertProperties;
}

export interface SystemTopicResource {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  location: string;
  tags?: Tags;
  properties: {
    /** The resource whose events the topic carries (one system topic per source). */
    source: string;
    topicType: string;
    readonly provisioningState?: string;
    readonly metricResourceId?: string;
  };
}

type EventSubscriptionDestination =
  | {
      /** Azure Monitor alerts: Key Vault events only, in preview (shared reference: alerts-and-charts §4). */
      endpointType: 'MonitorAlert';
      properties: {
        severity: 'Sev0' | 'Sev1' | 'Sev2' | 'Sev3' | 'Sev4';
        actionGroups?: string[];
        description?: string;
      };
    }
  | { endpointType: 'WebHook'; properties: { endpointUrl?: string; readonly endpointBaseUrl?: string } };

export interface EventSubscriptionProperties {
  destination?: EventSubscriptionDestination;
  filter?: { includedEventTypes?: string[]; subjectBeginsWith?: string; subjectEndsWith?: string };
  eventDeliverySchema?: 'EventGridSchema' | 'CloudEventSchemaV1_0' | 'CustomInputSchema';
  readonly provisioningState?: string;
  readonly topic?: string;
}

export interface EventSubscriptionResource {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  properties: EventSubscriptionProperties;
}

/** One alert Azure Monitor fired (Microsoft.AlertsManagement Alerts_GetAll): only its essentials are read. */
export interface FiredAlertResource {
  readonly id: string;
  readonly name: string;
  properties: {
    essentials: {
      severity?: string;
      signalType?: string;
      alertState?: string;
      monitorCondition?: 'Fired' | 'Resolved';
      monitorService?: string;
      targetResource?: string;
      alertRule?: string;
      startDateTime?: string;
      monitorConditionResolvedDateTime?: string;
      description?: string;
    };
  };
}
