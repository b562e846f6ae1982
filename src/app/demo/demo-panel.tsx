import {
  Button,
  Divider,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  OverlayDrawer,
  SpinButton,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { TwinControl } from '../../mocks/harness/control';
import type { ScenarioName } from '../../mocks/scenarios';
import type { FaultKind } from '../../mocks/shared/faults';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
});

const faultKinds: { kind: FaultKind; label: string }[] = [
  { kind: 'throttle', label: '429 Too Many Requests (with Retry-After)' },
  { kind: 'error403', label: '403 Forbidden' },
  { kind: 'error500', label: '500 Internal Server Error' },
  { kind: 'error503', label: '503 Service Unavailable (with Retry-After)' },
  { kind: 'drop', label: 'Dropped connection' },
  { kind: 'latency', label: 'Slow answer (latency)' },
];

const speeds = [
  { value: 1, label: 'Real time' },
  { value: 60, label: '1 minute per second' },
  { value: 960, label: 'Demo: 24 hours in 90 seconds' },
  { value: 10000, label: 'Very fast' },
];

/** Demo-only controls: scenario and reset, the twin's clock, fault injection and "another admin". */
export default function DemoPanel({ control, onClose }: { control: TwinControl; onClose: () => void }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [scenario, setScenario] = useState<ScenarioName>(control.scenario);
  const [, setTick] = useState(0);
  const [kind, setKind] = useState<FaultKind>('throttle');
  const [method, setMethod] = useState('any');
  const [path, setPath] = useState('');
  const [count, setCount] = useState(1);
  const [message, setMessage] = useState('');
  const [tenants, setTenants] = useState(() => control.gatewayTenants().join(', '));
  useEffect(() => control.onChange(() => setTick((t) => t + 1)), [control]);
  useEffect(() => {
    const t = setInterval(() => setTick((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, []);
  const refreshAll = () => queryClient.invalidateQueries();
  /** Runs a control call in the twin's worker; what it says (or its failure) goes to the status line. */
  const act = (run: () => Promise<string | void>) =>
    void run().then(
      (said) => said && setMessage(said),
      (e: unknown) => setMessage(`The demo could not do it: ${e instanceof Error ? e.message : String(e)}`),
    );
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label="Close demo panel"
              icon={<DismissRegular />}
              onClick={onClose}
            />
          }
        >
          Demo panel
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <section className={styles.section} aria-label="Scenario">
          <Field label="Scenario" hint={control.scenarios.find((s) => s.name === scenario)?.description}>
            <Dropdown
              value={scenario}
              selectedOptions={[scenario]}
              onOptionSelect={(_, d) => setScenario(d.optionValue as ScenarioName)}
            >
              {control.scenarios.map((s) => (
                <Option key={s.name} value={s.name}>
                  {s.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button
            onClick={() =>
              act(async () => {
                await control.reset(scenario);
                await queryClient.resetQueries();
                return `The demo was reset to the ${scenario} scenario.`;
              })
            }
          >
            Reset demo
          </Button>
        </section>
        <Divider />
        <section className={styles.section} aria-label="Clock">
          <Text>Simulated time: {new Date(control.now()).toUTCString()}</Text>
          <Field label="Clock speed">
            <Dropdown
              value={
                speeds.find((s) => s.value === Math.round(control.speed()))?.label ?? `${control.speed()}×`
              }
              selectedOptions={[String(Math.round(control.speed()))]}
              onOptionSelect={(_, d) => act(() => control.setSpeed(Number(d.optionValue)))}
            >
              {speeds.map((s) => (
                <Option key={s.value} value={String(s.value)}>
                  {s.label}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <div className={styles.row}>
            <Button onClick={() => act(() => control.advance(60 * 60 * 1000).then(refreshAll))}>
              Skip 1 hour
            </Button>
            <Button onClick={() => act(() => control.advance(24 * 60 * 60 * 1000).then(refreshAll))}>
              Skip 24 hours
            </Button>
          </div>
        </section>
        <Divider />
        <section className={styles.section} aria-label="Deployment">
          <Switch
            label="Keyguard’s Key Vault gateway is deployed"
            checked={control.gateway()}
            onChange={(_, d) =>
              act(async () => {
                await control.setGateway(d.checked);
                await queryClient.resetQueries({ queryKey: ['gateway'] });
                return d.checked
                  ? 'The gateway is deployed.'
                  : 'No gateway: key actions become commands to run.';
              })
            }
          />
          <div className={styles.row}>
            <Field
              label="Tenants the gateway serves (KEYGUARD_ALLOWED_TENANTS)"
              hint="Tenant ids, separated by commas; empty serves any tenant."
            >
              <Input value={tenants} onChange={(_, d) => setTenants(d.value)} />
            </Field>
            <Button
              onClick={() =>
                act(async () => {
                  const list = tenants
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean);
                  await control.setGatewayTenants(list);
                  return list.length
                    ? `The gateway relays only tokens of ${list.join(', ')}.`
                    : 'The gateway relays tokens of any tenant.';
                })
              }
            >
              Set tenants
            </Button>
          </div>
        </section>
        <Divider />
        <section className={styles.section} aria-label="Faults">
          <Field label="Fault">
            <Dropdown
              value={faultKinds.find((f) => f.kind === kind)?.label}
              selectedOptions={[kind]}
              onOptionSelect={(_, d) => setKind(d.optionValue as FaultKind)}
            >
              {faultKinds.map((f) => (
                <Option key={f.kind} value={f.kind}>
                  {f.label}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <div className={styles.row}>
            <Field label="Method">
              <Dropdown
                value={method}
                selectedOptions={[method]}
                onOptionSelect={(_, d) => setMethod(d.optionValue ?? 'any')}
              >
                {['any', 'GET', 'PUT', 'PATCH', 'POST', 'DELETE'].map((m) => (
                  <Option key={m}>{m}</Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Next calls">
              <SpinButton
                value={count}
                min={1}
                max={20}
                onChange={(_, d) => setCount(d.value ?? (Number(d.displayValue) || 1))}
              />
            </Field>
          </div>
          <Field label="Path contains" hint="For example botServices, vaults or /register">
            <Input value={path} onChange={(_, d) => setPath(d.value)} />
          </Field>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() =>
                act(async () => {
                  await control.armFault({
                    kind,
                    method: method === 'any' ? undefined : method,
                    pathIncludes: path || undefined,
                    count,
                    latencyMs: 4000,
                    retryAfterSeconds: 2,
                  });
                  return `Armed: ${kind} for the next ${count} matching call(s).`;
                })
              }
            >
              Arm fault
            </Button>
            <Button onClick={() => act(() => control.clearFaults().then(() => 'Faults cleared.'))}>
              Clear faults
            </Button>
          </div>
          <Text size={200}>
            Armed:{' '}
            {control.faults().length === 0
              ? 'none'
              : control
                  .faults()
                  .map((f) => `${f.kind} ×${f.remaining}${f.pathIncludes ? ` on “${f.pathIncludes}”` : ''}`)
                  .join(', ')}
          </Text>
        </section>
        <Divider />
        <section className={styles.section} aria-label="Another admin">
          <Text weight="semibold">Another admin</Text>
          {control.presets.map((p) => (
            <Button key={p.id} onClick={() => act(() => control.runPreset(p.id))}>
              {p.label}
            </Button>
          ))}
        </section>
        <Text role="status" aria-live="polite">
          {message}
        </Text>
      </DrawerBody>
    </OverlayDrawer>
  );
}
