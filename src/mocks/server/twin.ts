import { registerAlertingRoutes } from '../routes/alerting';
import { registerFiredAlertRoutes } from '../routes/fired-alerts';
import { registerAuthorizationRoutes } from '../routes/authorization';
import { registerBotRoutes } from '../routes/bots';
import type { TwinContext } from '../routes/context';
import { registerActivityLogRoutes } from '../routes/activity-log';
import { registerDiagnosticSettingsRoutes } from '../routes/diagnostic-settings';
import { registerPolicyRoutes } from '../routes/policy';
import { registerDirectLineRoutes } from '../routes/direct-line';
import { registerLogAnalyticsRoutes } from '../routes/log-analytics';
import { registerWorkspaceRoutes } from '../routes/workspaces';
import { catchUpKeyUse } from '../rules/key-use-log';
import { demoActor, otherActor, type OtherAdmin } from './actors';
import { recordWrite } from './recorder';
import { registerGraphRoutes } from '../routes/graph';
import { registerKeyRoutes } from '../routes/keys';
import { registerResourceGraphRoutes } from '../routes/resource-graph';
import { registerSubscriptionRoutes } from '../routes/subscriptions';
import { registerVaultRoutes } from '../routes/vaults';
import { serviceOf, type TwinOutcome } from '../routes/hosts';
import { checkArmApiVersion, checkKeyVaultRequest, errorResponse, finishResponse } from '../routes/responses';
import { registerKeyVaultDataRoutes } from '../routes/key-vault-data';
import { registerKeyCryptoRoutes } from '../routes/key-crypto';
import { registerDeletedKeyRoutes } from '../routes/deleted-keys';
import { catchUpRotations, settleDeletedKeys } from '../rules/key-lifecycle';
import type { SimClock } from '../store/clock';
import { TwinHttpError } from '../rules/errors';
import { faultError } from './fault-errors';
import type { FaultRule } from '../shared/faults';
import { FaultInjector } from './faults';
import { onlyReads, Router, type Service, type TwinRequest, type TwinResponse } from '../routes/http';
import type { World } from '../store/world';

/** The ARM twin: a World on a simulated clock, served through a router, with fault injection in front. */
export class Twin implements TwinContext {
  readonly router = new Router();
  readonly faults = new FaultInjector();
  private requestCount = 0;
  /** While true every request gets a dropped connection, as if Azure were unreachable. */
  offline = false;
  private changeListeners = new Set<() => void>();
  /** Ids of recorded events and changes (a scenario's past uses a seeded source, so deep links survive a reload). */
  newId: () => string = () => crypto.randomUUID();

  constructor(
    public world: World,
    public clock: SimClock,
  ) {
    for (const register of [
      registerSubscriptionRoutes,
      registerResourceGraphRoutes,
      registerBotRoutes,
      registerVaultRoutes,
      registerKeyRoutes,
      registerAuthorizationRoutes,
      registerGraphRoutes,
      registerDirectLineRoutes,
      registerActivityLogRoutes,
      registerDiagnosticSettingsRoutes,
      registerAlertingRoutes,
      registerFiredAlertRoutes,
      registerWorkspaceRoutes,
      registerLogAnalyticsRoutes,
      registerKeyVaultDataRoutes,
      registerKeyCryptoRoutes,
      registerDeletedKeyRoutes,
      registerPolicyRoutes,
    ]) {
      register(this.router, this);
    }
  }

  now(): number {
    return this.clock.now();
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  notifyChanged(): void {
    this.changeListeners.forEach((l) => l());
  }

  replaceWorld(world: World): void {
    this.world = world;
    this.faults.clear();
    this.notifyChanged();
  }

  handle(req: TwinRequest): TwinOutcome {
    const service = serviceOf(req.url.hostname);
    let delayMs = 0;
    let until: Promise<void> | undefined;
    if (this.offline) return { delayMs };
    // A vault host no vault has does not resolve: there is nobody to answer.
    if (service === 'keyvault' && !this.world.vaultByUri(`https://${req.url.hostname}`)) return { delayMs };
    const now = this.clock.now();
    catchUpKeyUse(this.world, now);
    catchUpRotations(this.world, now, () => this.newVersionId());
    settleDeletedKeys(this.world, now);
    for (const fault of this.faults.take(req.method, req.url.pathname + req.url.search)) {
      const outcome = this.applyFault(fault, service);
      if (outcome === 'continue') continue;
      if (outcome === 'drop') return { delayMs };
      if (typeof outcome === 'number') {
        delayMs += outcome;
        continue;
      }
      if (outcome instanceof Promise) {
        until = outcome;
        continue;
      }
      return { response: this.finish(outcome, service), delayMs };
    }
    const response = this.dispatchAs(req, service, demoActor(this.world, req.headers));
    // A read leaves nothing to save or to show as changed.
    if (!onlyReads(req.method, req.url.pathname)) this.notifyChanged();
    return { response: this.finish(response, service), delayMs, until };
  }

  private applyFault(
    fault: FaultRule,
    service: Service,
  ): TwinResponse | 'drop' | 'continue' | number | Promise<void> {
    const error = faultError(fault, service);
    if (error)
      return errorResponse(this.clock.now(), error.status, error.code, error.message, service, error.headers);
    switch (fault.kind) {
      case 'drop':
        return 'drop';
      case 'latency':
        return fault.latencyMs ?? 3000;
      case 'hold':
        return this.faults.holdFor(fault.id);
      case 'concurrent': {
        if (fault.change) {
          const url = new URL(fault.change.path, 'https://management.azure.com');
          this.otherAdmin(fault.change.method, url.pathname + url.search, fault.change.body);
        }
        return 'continue';
      }
      default:
        return 'continue';
    }
  }

  /**
   * Runs a request as another admin would (by default a colleague in the portal): no faults, straight to the rules,
   * and recorded in the Activity log and the change history under their name.
   */
  otherAdmin(
    method: string,
    path: string,
    body?: unknown,
    who: OtherAdmin = { user: 'jordan', clientType: 'Azure Portal' },
  ): TwinResponse {
    const url = new URL(path, 'https://management.azure.com');
    catchUpKeyUse(this.world, this.clock.now());
    const response = this.dispatchAs({ method, url, body, headers: {} }, 'arm', otherActor(this.world, who));
    this.notifyChanged();
    return response;
  }

  private dispatchAs(req: TwinRequest, service: Service, actor: ReturnType<typeof demoActor>): TwinResponse {
    if (service !== 'arm' || onlyReads(req.method, req.url.pathname)) return this.dispatch(req, service);
    return recordWrite(this, req, actor, () => this.dispatch(req, service));
  }

  private dispatch(req: TwinRequest, service: Service): TwinResponse {
    try {
      const path = req.url.pathname.replace(/\/+$/, '') || '/';
      if (service === 'arm') checkArmApiVersion(req, path);
      if (service === 'keyvault') {
        const vault = this.world.vaultByUri(`https://${req.url.hostname}`);
        const tenantId = vault?.tenantId ?? this.world.settings.activeTenantId;
        const challenge = checkKeyVaultRequest(req, tenantId, Math.floor(Date.now() / 1000));
        if (challenge) return challenge;
      }
      const match = this.router.match(service, req.method, path);
      if (match === 'method') {
        return errorResponse(
          this.clock.now(),
          405,
          'MethodNotAllowed',
          `The requested method '${req.method}' is not allowed for '${path}'.`,
          service,
        );
      }
      if (!match) {
        return service === 'graph'
          ? errorResponse(
              this.clock.now(),
              400,
              'Request_BadRequest',
              `Invalid request: resource '${path}' is not supported by this directory.`,
              service,
            )
          : errorResponse(
              this.clock.now(),
              404,
              'InvalidResourceType',
              `The resource type could not be found for '${path}'.`,
              service,
            );
      }
      return match.handler({ req, params: match.params, now: this.clock.now() });
    } catch (e) {
      if (e instanceof TwinHttpError)
        return errorResponse(
          this.clock.now(),
          e.status,
          e.body.code,
          e.body.message,
          service,
          e.headers,
          e.body.target,
          e.body.details,
        );
      throw e;
    }
  }

  private finish(response: TwinResponse, service: Service): TwinResponse {
    return finishResponse(response, service, this.clock.now(), ++this.requestCount);
  }

  /** A new key version's id (a scenario's past draws it from its seeded source too). */
  private newVersionId(): string {
    return this.newId().replace(/-/g, '');
  }
}
