import { alertingApiVersion } from '../../arm/operations/alerts';
import { parseResourceId } from '../../arm/resource-id';
import type { KeyAlertPlan } from '../alerts/plan';
import type { PlannedResource } from '../alerts/plan-parts';
import { bicepLiteral, bicepString, shellWord, type BicepValue } from './bicep-syntax';

const written = (plan: KeyAlertPlan) => plan.resources.filter((r) => !r.reused);

/** The body ARM is sent, as written: no server-side fields. */
const bodyOf = (r: PlannedResource) => r.body as unknown as { [key: string]: BicepValue };

/**
 * The plan as `az rest` PUTs, one per new resource, in the order they depend on each other. Each creates a resource
 * of its own (Keyguard's names): nothing existing (the bot, the vault, a reused action group or topic) is written. A
 * relative URL is sent by `az rest` to the signed-in cloud's Resource Manager.
 */
export function alertPlanAsCli(plan: KeyAlertPlan): string {
  return written(plan)
    .map((r) =>
      [
        `# ${r.title}`,
        `az rest --method put \\`,
        `  --url ${shellWord(`${r.id}?api-version=${alertingApiVersion(r.type)}`)} \\`,
        `  --body ${shellWord(JSON.stringify(r.body))}`,
      ].join('\n'),
    )
    .join('\n\n');
}

const symbolic = (r: PlannedResource, i: number) => `${r.kind}${i}`;

/**
 * The plan as Bicep, one file per resource group, deployed in the order shown (`az deployment group create`).
 * References between resources are their full ids, so a file needs no other file's symbols; within a file each
 * resource waits for the ones before it. Existing resources are not declared.
 */
export function alertPlanAsBicep(plan: KeyAlertPlan): string {
  const byGroup = new Map<string, PlannedResource[]>();
  for (const r of written(plan)) {
    const p = parseResourceId(r.id);
    const group = p ? `${p.subscriptionId}/${p.resourceGroup ?? ''}` : r.id;
    byGroup.set(group, [...(byGroup.get(group) ?? []), r]);
  }
  return [...byGroup.entries()]
    .map(([group, resources]) => {
      const [sub, rg] = group.split('/');
      const lines = resources.map((r, i) => {
        const { properties, ...rest } = bodyOf(r);
        const name = r.id.split('/').pop() ?? '';
        const child = r.type.toLowerCase().endsWith('/eventsubscriptions');
        return [
          `resource ${symbolic(r, i)} '${r.type}@${alertingApiVersion(r.type)}' = {`,
          child
            ? `  name: ${bicepString(`${r.id.split('/').slice(-3)[0]}/${name}`)}`
            : `  name: ${bicepString(name)}`,
          ...Object.entries(rest).map(([k, v]) => `  ${k}: ${bicepLiteral(v, '  ')}`),
          `  properties: ${bicepLiteral(properties ?? {}, '  ')}`,
          ...(i > 0
            ? [
                `  dependsOn: [\n${resources
                  .slice(0, i)
                  .map((x, j) => `    ${symbolic(x, j)}`)
                  .join('\n')}\n  ]`,
              ]
            : []),
          '}',
        ].join('\n');
      });
      return [
        `// az deployment group create --subscription ${shellWord(sub ?? '')} --resource-group ${shellWord(rg ?? '')} --template-file <this file>`,
        ...lines,
      ].join('\n\n');
    })
    .join('\n\n// ----\n\n');
}
