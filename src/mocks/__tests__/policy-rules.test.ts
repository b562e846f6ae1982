import { beforeEach, describe, expect, it } from 'vitest';
import { resetTwin } from '../../testing/twin';
import { contoso, contosoBotId } from '../scenarios/contoso';
import { initiativeAssignedEarlier } from '../scenarios/policy-past';
import { advance, arm, world } from './helpers';

const definitionId =
  '/providers/Microsoft.Authorization/policyDefinitions/51522a96-0869-4791-82f3-981000c2c67f';
const assignment = (sub: string, name = 'bot-service-cmk') =>
  `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/${name}`;
const body = (effect: string) => ({
  properties: {
    displayName: 'Bot Service CMK',
    policyDefinitionId: definitionId,
    parameters: { effect: { value: effect } },
    enforcementMode: 'Default',
  },
});
const statesQuery = `policyresources | where type =~ 'microsoft.policyinsights/policystates' | where tolower(tostring(properties.policyDefinitionId)) == '${definitionId.toLowerCase()}' | project id, resourceId = tostring(properties.resourceId), complianceState = tostring(properties.complianceState), policyAssignmentId = tostring(properties.policyAssignmentId), timestamp = tostring(properties.timestamp) | order by id asc`;
const states = () =>
  arm('POST', '/providers/Microsoft.ResourceGraph/resources', { query: statesQuery }, '2024-04-01');

describe('Azure Policy in the twin', () => {
  beforeEach(() => resetTwin('ready'));

  it('assigns at a subscription (201, then 200), lists by definition, and refuses a wrong effect', async () => {
    const created = await arm('PUT', assignment(contoso.botsSub), body('Audit'), '2023-04-01');
    expect(created.status).toBe(201);
    expect(created.body.properties).toMatchObject({
      scope: `/subscriptions/${contoso.botsSub}`,
      parameters: { effect: { value: 'Audit' } },
    });
    expect((await arm('PUT', assignment(contoso.botsSub), body('Deny'), '2023-04-01')).status).toBe(200);
    const list = await arm(
      'GET',
      `/subscriptions/${contoso.botsSub}/providers/Microsoft.Authorization/policyAssignments?$filter=${encodeURIComponent(`policyDefinitionId eq '${definitionId}'`)}`,
      undefined,
      '2023-04-01',
    );
    expect(list.body.value).toHaveLength(1);
    const wrong = await arm('PUT', assignment(contoso.botsSub), body('Block'), '2023-04-01');
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'PolicyParameterValueNotAllowed' } } });
    // Reader on Finance: no assignment.
    const reader = await arm('PUT', assignment(contoso.financeSub), body('Audit'), '2023-04-01');
    expect(reader).toMatchObject({ status: 403, body: { error: { code: 'AuthorizationFailed' } } });
  });

  it('has no states before a scan; a triggered scan answers 202 until done, then the bot is non-compliant', async () => {
    await arm('PUT', assignment(contoso.botsSub), body('Audit'), '2023-04-01');
    expect((await states()).body.data).toEqual([]);
    const trigger = await arm(
      'POST',
      `/subscriptions/${contoso.botsSub}/providers/Microsoft.PolicyInsights/policyStates/latest/triggerEvaluation`,
      undefined,
      '2019-10-01',
    );
    expect(trigger.status).toBe(202);
    const location = new URL(trigger.headers.get('location')!);
    const again = await arm(
      'POST',
      `/subscriptions/${contoso.botsSub}/providers/Microsoft.PolicyInsights/policyStates/latest/triggerEvaluation`,
      undefined,
      '2019-10-01',
    );
    expect(again.headers.get('location')).toBe(location.toString());
    expect((await arm('GET', location.pathname + location.search)).status).toBe(202);
    advance(5 * 60 * 1000);
    expect(await arm('GET', location.pathname + location.search)).toMatchObject({
      status: 200,
      body: { status: 'Succeeded' },
    });
    const rows = (await states()).body.data as { resourceId: string; complianceState: string }[];
    expect(rows).toContainEqual(
      expect.objectContaining({ resourceId: contosoBotId.toLowerCase(), complianceState: 'NonCompliant' }),
    );
  });

  it('Deny refuses a bot update that leaves CMK off, with RequestDisallowedByPolicy', async () => {
    await arm('PUT', assignment(contoso.botsSub), body('Deny'), '2023-04-01');
    const bot = (await arm('GET', contosoBotId)).body;
    const { displayName, endpoint, msaAppId } = bot.properties;
    const r = await arm('PATCH', contosoBotId, {
      properties: { displayName, endpoint, msaAppId, description: 'new words' },
    });
    expect(r).toMatchObject({ status: 403, body: { error: { code: 'RequestDisallowedByPolicy' } } });
    expect(r.body.error.message).toContain('was disallowed by policy');
  });

  it('an initiative that includes the definition: its Deny refuses the bot write, its scan writes the bot’s state', async () => {
    initiativeAssignedEarlier(world(), contoso.botsSub, Date.UTC(2026, 9, 1));
    const baseline = assignment(contoso.botsSub, 'contoso-cmk-baseline');
    const set = (
      await arm(
        'GET',
        `/subscriptions/${contoso.botsSub}/providers/Microsoft.Authorization/policySetDefinitions/contoso-cmk-baseline`,
        undefined,
        '2023-04-01',
      )
    ).body;
    expect(set.properties.policyDefinitions[0].policyDefinitionId).toBe(definitionId);
    const existing = (await arm('GET', baseline, undefined, '2023-04-01')).body;
    const deny = await arm(
      'PUT',
      baseline,
      { properties: { ...existing.properties, parameters: { botServiceCmkEffect: { value: 'Deny' } } } },
      '2023-04-01',
    );
    expect(deny.status).toBe(200);
    const bot = (await arm('GET', contosoBotId)).body;
    const { displayName, endpoint, msaAppId } = bot.properties;
    const r = await arm('PATCH', contosoBotId, {
      properties: { displayName, endpoint, msaAppId, description: 'new words' },
    });
    expect(r).toMatchObject({ status: 403, body: { error: { code: 'RequestDisallowedByPolicy' } } });
    expect(r.body.error.message).toContain('Contoso CMK baseline');
    const missing = await arm(
      'PUT',
      assignment(contoso.botsSub, 'x'),
      { properties: { ...existing.properties, policyDefinitionId: `${set.id}-gone` } },
      '2023-04-01',
    );
    expect(missing.status).toBe(404);
    await arm(
      'POST',
      `/subscriptions/${contoso.botsSub}/providers/Microsoft.PolicyInsights/policyStates/latest/triggerEvaluation`,
      undefined,
      '2019-10-01',
    );
    advance(10 * 60 * 1000);
    const rows = (await states()).body.data as { resourceId: string; policyAssignmentId: string }[];
    expect(
      rows.some(
        (x) => x.policyAssignmentId === baseline.toLowerCase() && x.resourceId === contosoBotId.toLowerCase(),
      ),
    ).toBe(true);
  });

  it('answers Microsoft’s policy sample: states counted by compliance', async () => {
    await arm('PUT', assignment(contoso.botsSub), body('Audit'), '2023-04-01');
    await arm(
      'POST',
      `/subscriptions/${contoso.botsSub}/providers/Microsoft.PolicyInsights/policyStates/latest/triggerEvaluation`,
      undefined,
      '2019-10-01',
    );
    advance(10 * 60 * 1000);
    const r = await arm(
      'POST',
      '/providers/Microsoft.ResourceGraph/resources',
      {
        query:
          "PolicyResources | where type == 'microsoft.policyinsights/policystates' | extend complianceState = tostring(properties.complianceState) | summarize count() by complianceState",
      },
      '2024-04-01',
    );
    expect(r.status).toBe(200);
    // Every bot of the subscription is on Microsoft-managed keys in `ready`.
    expect(r.body.data).toEqual([
      { complianceState: 'NonCompliant', count_: world().bots.inSubscription(contoso.botsSub).length },
    ]);
  });
});
