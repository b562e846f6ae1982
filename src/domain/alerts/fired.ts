import type { FiredAlertResource } from '../../arm/types/alerts';

export interface FiredSummary {
  /** Alerts about the bot, its vault, or from a rule that covers it. */
  count: number;
  /** Of them, log search alerts still firing (the only kind that resolves). */
  firing: number;
  latest: FiredAlertResource;
  latestMs: number;
  ruleNames: string[];
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** The recent alerts that concern one bot, or undefined when none fired. */
export function firedFor(
  alerts: FiredAlertResource[],
  about: { botId: string; vaultId?: string; ruleIds?: string[] },
): FiredSummary | undefined {
  const targets = [about.botId, about.vaultId].filter(Boolean).map((x) => lower(x));
  const rules = (about.ruleIds ?? []).map(lower);
  const mine = alerts.filter((a) => {
    const e = a.properties.essentials;
    return targets.includes(lower(e.targetResource)) || rules.includes(lower(e.alertRule));
  });
  if (mine.length === 0) return undefined;
  const at = (a: FiredAlertResource) => Date.parse(a.properties.essentials.startDateTime ?? '') || 0;
  const latest = mine.reduce((x, y) => (at(y) > at(x) ? y : x));
  return {
    count: mine.length,
    // Only log search alerts resolve by themselves; Activity log and event alerts stay "Fired" once raised.
    firing: mine.filter(
      (a) =>
        a.properties.essentials.signalType === 'Log' &&
        a.properties.essentials.monitorCondition !== 'Resolved',
    ).length,
    latest,
    latestMs: at(latest),
    ruleNames: [...new Set(mine.map((a) => a.name))],
  };
}

/** The alert's own page in the Azure portal (Azure Monitor's alert details). */
export function alertPortalUrl(portalUrl: string, tenant: string, alertId: string): string {
  return `${portalUrl}/#@${tenant}/blade/Microsoft_Azure_Monitoring/AlertDetailsTemplateBlade/alertId/${encodeURIComponent(alertId)}`;
}
