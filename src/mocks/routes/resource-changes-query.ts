import type { TwinChangeRecord } from '../store/model';

/** The `resourcechanges` query shape Keyguard sends (one or more target ids, newest first, a fixed projection). */
export interface ChangesQuery {
  /** Lower-case target ids, or every resource of `type`. */
  targets?: string[];
  type?: string;
  days: number;
}

const extend =
  'extend changeTime = todatetime(properties.changeAttributes.timestamp), targetResourceId = tostring(properties.targetResourceId)';
const projection =
  'project id, changeTime, targetResourceId, changeType = tostring(properties.changeType), changedBy = tostring(properties.changeAttributes.changedBy), changedByType = tostring(properties.changeAttributes.changedByType), clientType = tostring(properties.changeAttributes.clientType), operation = tostring(properties.changeAttributes.operation), correlationId = tostring(properties.changeAttributes.correlationId), changes = properties.changes';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Refuses (undefined) anything but that shape: the twin runs no KQL. */
export function parseChangesQuery(text: string): ChangesQuery | undefined {
  const stages = text.split('|').map(norm);
  if (stages.length !== 6 || stages[0]?.toLowerCase() !== 'resourcechanges') return undefined;
  if (stages[1] !== extend || stages[4] !== 'order by changeTime desc' || stages[5] !== projection)
    return undefined;
  const list = /^where targetResourceId in~ \((.+)\)$/.exec(stages[2]!);
  const byType = /^where tostring\(properties\.targetResourceType\) =~ '([a-z0-9./]+)'$/i.exec(stages[2]!);
  const window = /^where changeTime > ago\((\d+)d\)$/.exec(stages[3]!);
  if (!(list || byType) || !window) return undefined;
  if (byType) return { type: byType[1]!.toLowerCase(), days: Number(window[1]) };
  const targets = list![1]!.split(',').map((s) => /^'([^']+)'$/.exec(s.trim())?.[1]);
  if (targets.some((t) => t === undefined)) return undefined;
  return { targets: targets as string[], days: Number(window[1]) };
}

/** A change record as a row of that projection. */
export function changeRow(r: TwinChangeRecord): Record<string, unknown> {
  const changes =
    r.changeType === 'Update'
      ? Object.fromEntries(
          Object.entries(r.changes).map(([path, c]) => [
            path,
            {
              previousValue: c.previousValue,
              newValue: c.newValue,
              changeCategory: 'User',
              propertyChangeType:
                c.previousValue === 'null' ? 'Insert' : c.newValue === 'null' ? 'Remove' : 'Update',
            },
          ]),
        )
      : null;
  return {
    id: `${r.targetResourceId}/providers/Microsoft.Resources/changes/${r.id}`,
    changeTime: new Date(r.at).toISOString(),
    targetResourceId: r.targetResourceId,
    changeType: r.changeType,
    changedBy: r.changedBy,
    changedByType: r.changedByType,
    clientType: r.clientType,
    operation: r.operation,
    correlationId: r.correlationId,
    changes,
  };
}
