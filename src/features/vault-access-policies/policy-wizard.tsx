import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AccessPolicyEntry } from '../../arm/types/key-vault';
import type { DirectoryPrincipal } from '../../arm/types/graph';
import type { PrincipalTrust } from '../../domain/bot-service-principal';
import { useUnsavedChanges } from '../../portal/navigation/unsaved-changes';
import { LookalikeNote } from '../shared/principal-trust-badge';
import type { TrustSubject } from '../shared/use-principal-trust';
import { permissionCatalog, summarize, type PermissionKind } from './permission-catalog';
import { PermissionsStep } from './permissions-step';
import { PrincipalPicker } from './principal-picker';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  done: { color: tokens.colorStatusSuccessForeground1 },
  review: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
});

type Step = 'permissions' | 'principal' | 'application' | 'review';
const steps: { id: Step; label: string }[] = [
  { id: 'permissions', label: '1 Permissions' },
  { id: 'principal', label: '2 Principal' },
  { id: 'application', label: '3 Application (optional)' },
  { id: 'review', label: '4 Review + create' },
];

export interface WizardResult {
  principal: DirectoryPrincipal;
  application?: DirectoryPrincipal;
  permissions: Record<PermissionKind, string[]>;
}

/** "Create an access policy" (or edit one): the portal's four steps, full page. */
export function PolicyWizard({
  vaultName,
  editing,
  editingPrincipal,
  cmekPrincipal,
  trustOf,
  busy,
  onSubmit,
  onCancel,
}: {
  vaultName: string;
  editing?: AccessPolicyEntry;
  editingPrincipal?: DirectoryPrincipal;
  /** Microsoft's Bot Service CMEK Prod in this tenant, offered first; never a principal found by name. */
  cmekPrincipal?: DirectoryPrincipal;
  trustOf(p: TrustSubject): PrincipalTrust;
  busy: boolean;
  onSubmit(r: WizardResult): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const [step, setStep] = useState<Step>('permissions');
  const [perms, setPerms] = useState<Record<PermissionKind, string[]>>({
    keys: editing?.permissions.keys ?? [],
    secrets: editing?.permissions.secrets ?? [],
    certificates: editing?.permissions.certificates ?? [],
  });
  const [principal, setPrincipal] = useState<DirectoryPrincipal | undefined>(editingPrincipal);
  const [application, setApplication] = useState<DirectoryPrincipal>();
  const [template, setTemplate] = useState<string>();
  const [lookalikeAccepted, setLookalikeAccepted] = useState(false);
  // Pickers never offer a lookalike; one can only be here as the holder of an entry being edited.
  const lookalike = principal !== undefined && trustOf(principal) === 'lookalike';
  const dirty =
    perms.keys.length + perms.secrets.length + perms.certificates.length > 0 ||
    principal !== editingPrincipal;
  useUnsavedChanges(
    dirty && !busy,
    `${vaultName} | ${editing ? 'Edit access policy' : 'Create an access policy'}`,
  );
  const none = perms.keys.length + perms.secrets.length + perms.certificates.length === 0;
  const index = steps.findIndex((s) => s.id === step);
  const complete: Record<Step, boolean> = {
    permissions: !none,
    principal: principal !== undefined,
    application: true,
    review: false,
  };
  const blocker = none
    ? 'Select at least one permission.'
    : !principal
      ? 'Select a principal.'
      : lookalike && !lookalikeAccepted
        ? `${principal.displayName} only looks like Microsoft’s Bot Service CMEK Prod: confirm below that you mean this application.`
        : undefined;

  return (
    <section aria-label={editing ? 'Edit access policy' : 'Create an access policy'}>
      <Text as="h2" size={500} weight="semibold" block>
        {editing ? 'Edit access policy' : 'Create an access policy'}
      </Text>
      <Text block>{vaultName}</Text>
      <TabList selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} aria-label="Steps">
        {steps.map((s) => (
          <Tab
            key={s.id}
            value={s.id}
            icon={
              complete[s.id] ? <CheckmarkCircleFilled className={styles.done} aria-label="done" /> : undefined
            }
            disabled={editing !== undefined && (s.id === 'principal' || s.id === 'application')}
          >
            {s.label}
          </Tab>
        ))}
      </TabList>
      <div style={{ padding: '16px 0' }}>
        {step === 'permissions' && (
          <PermissionsStep perms={perms} onChange={setPerms} template={template} onTemplate={setTemplate} />
        )}
        {step === 'principal' && (
          <>
            <MessageBar intent="info">
              <MessageBarBody>Only 1 principal can be assigned per access policy.</MessageBarBody>
            </MessageBar>
            <PrincipalPicker
              label="Search principals"
              value={principal}
              onChange={(p) => (setPrincipal(p), setLookalikeAccepted(false))}
              quickPicks={cmekPrincipal ? [cmekPrincipal] : []}
              trustOf={trustOf}
            />
          </>
        )}
        {step === 'application' && (
          <>
            <Text block>
              Optionally, an application that acts on behalf of the principal (compound identity).
            </Text>
            <PrincipalPicker
              label="Search applications"
              value={application}
              onChange={setApplication}
              kinds={['servicePrincipal']}
              trustOf={trustOf}
            />
          </>
        )}
        {step === 'review' && (
          <dl className={styles.review}>
            {(Object.keys(permissionCatalog) as PermissionKind[]).map((kind) => (
              <div key={kind} style={{ display: 'contents' }}>
                <dt>{permissionCatalog[kind].title}</dt>
                <dd style={{ margin: 0 }}>{summarize(kind, perms[kind])}</dd>
              </div>
            ))}
            <dt>Principal name</dt>
            <dd style={{ margin: 0 }}>{principal?.displayName ?? 'None selected'}</dd>
            <dt>Object ID</dt>
            <dd style={{ margin: 0 }}>{principal?.id ?? '—'}</dd>
            <dt>Application</dt>
            <dd style={{ margin: 0 }}>
              {application ? `${application.displayName} (${application.appId})` : 'None selected'}
            </dd>
          </dl>
        )}
      </div>
      {step === 'review' && lookalike && principal && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <LookalikeNote principal={principal} />
            <Checkbox
              checked={lookalikeAccepted}
              onChange={(_, d) => setLookalikeAccepted(d.checked === true)}
              label={`I mean ${principal.displayName} (${principal.id}), which is not Microsoft’s Bot Service CMEK Prod`}
            />
          </MessageBarBody>
        </MessageBar>
      )}
      {step === 'review' && blocker && (
        <MessageBar intent="error">
          <MessageBarBody>{blocker}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.footer}>
        <Button disabled={index === 0} onClick={() => setStep(steps[index - 1]!.id)}>
          Previous
        </Button>
        {step !== 'review' ? (
          <Button
            appearance="primary"
            onClick={() => setStep(editing && step === 'permissions' ? 'review' : steps[index + 1]!.id)}
          >
            Next
          </Button>
        ) : (
          <Button
            appearance="primary"
            disabled={blocker !== undefined || busy}
            onClick={() => principal && onSubmit({ principal, application, permissions: perms })}
          >
            {busy ? (editing ? 'Saving…' : 'Creating…') : editing ? 'Save' : 'Create'}
          </Button>
        )}
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </section>
  );
}
