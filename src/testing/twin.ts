import { configureArmClient } from '../arm/client';
import { clouds } from '../arm/clouds';
import { createTwinServer } from '../mocks/harness/node';
import type { ScenarioName } from '../mocks/scenarios';
import { contoso } from '../mocks/scenarios/contoso-ids';
import { demoAccessToken, keyguardDemoAppId } from '../mocks/shared/demo-token';

/** The one twin the unit tests run against, reset to a scenario before each test. */
export const testTwin = createTwinServer({
  scenario: 'fresh',
  startMs: Date.UTC(2026, 10, 1, 9, 0, 0),
  speed: 1,
});
export const control = testTwin.control;
export const testStartMs = Date.UTC(2026, 10, 1, 9, 0, 0);

const testSubject = {
  tenantId: contoso.tenantId,
  objectId: contoso.user.objectId,
  upn: contoso.user.upn,
  appId: keyguardDemoAppId,
};

/** Every wait of the ARM layer moves the twin's clock instead of the wall clock, so retries and polls cost no time. */
export const sleeps: number[] = [];
export function useTestArmClient(): void {
  configureArmClient({
    cloud: clouds.AzureCloud,
    getToken: async (scope) => demoAccessToken(scope, testSubject, Math.floor(Date.now() / 1000)),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      testTwin.managed.twin.clock.advance(ms);
    },
    random: () => 0.5,
  });
}

export function resetTwin(scenario: ScenarioName = 'fresh'): void {
  testTwin.managed.reset(scenario, testStartMs);
  testTwin.managed.twin.clock.setSpeed(1);
  testTwin.managed.twin.offline = false;
  sleeps.length = 0;
}
