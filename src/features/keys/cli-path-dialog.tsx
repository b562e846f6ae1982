import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { keyCommand } from '../../domain/as-code/key-as-code';
import { describeError } from '../../domain/error-wording';
import type { CliPath } from './use-key-action';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pre: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    overflowX: 'auto',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
  },
});

function Command({ label, text }: { label: string; text: string }) {
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold">{label}</Text>
      <pre className={styles.pre} role="region" tabIndex={0} aria-label={label}>
        {text}
      </pre>
      <Button
        size="small"
        icon={<CopyRegular />}
        onClick={() => void navigator.clipboard?.writeText(text)}
        style={{ alignSelf: 'start' }}
      >
        Copy {label}
      </Button>
    </>
  );
}

/** Why the change is handed over, as the dialog says it. */
const cliPathReasons: Record<CliPath['reason'], string> = {
  'no-gateway':
    'Key Vault does not answer browsers, and this deployment has no Keyguard gateway to pass the change on. Run it in a shell signed in to Azure (Cloud Shell works), then check it here.',
  firewall:
    'The vault’s firewall refuses Keyguard’s gateway. Run the change in a shell signed in to Azure from a network the firewall allows (an address in its rules, or a machine on one of its virtual networks), then check it here.',
  'gateway-refused':
    'Keyguard’s gateway would not pass this change on. Run it in a shell signed in to Azure (Cloud Shell works), then check it here.',
  'other-tenant':
    'The vault belongs to another Microsoft Entra tenant, and Key Vault takes tokens only from its own. Run the change in a shell signed in to that tenant (az login --tenant, or Connect-AzAccount -Tenant), then check it here.',
};

/**
 * Without a gateway (or past a firewall that refuses it), a data-plane key action is the admin's to run: the exact command, a link to the key in the
 * portal (live), and Check again, which reads the key back through ARM and says whether the change happened.
 */
export function CliPathDialog({
  cli,
  vaultId,
  check,
  onClose,
}: {
  cli: CliPath;
  vaultId: string;
  check(): Promise<{ done: boolean; said: string } | undefined>;
  onClose(): void;
}) {
  const styles = useStyles();
  const session = useSession();
  const text = keyCommand(cli.command);
  const [result, setResult] = useState<string>();
  const [checking, setChecking] = useState(false);
  const portal = session.portalUrl
    ? `${session.portalUrl}/#@${session.account.tenantId}/resource${vaultId}/keys`
    : undefined;
  const checkAgain = () => {
    setChecking(true);
    check().then(
      (r) => (setResult(r?.said), setChecking(false)),
      (e: unknown) => (
        setResult(`The key could not be read: ${describeError(e).message}`),
        setChecking(false)
      ),
    );
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Run this change yourself</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{cliPathReasons[cli.reason]}</Text>
            <Command label="Azure CLI" text={text.cli} />
            <Command label="Azure PowerShell" text={text.powershell} />
            {portal && (
              <Link href={portal} target="_blank" rel="noreferrer">
                Open the vault’s keys in the Azure portal
              </Link>
            )}
            <Text role="status" aria-live="polite">
              {result}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={checking} onClick={checkAgain}>
              {checking ? 'Checking…' : 'Check again'}
            </Button>
            <Button onClick={onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
