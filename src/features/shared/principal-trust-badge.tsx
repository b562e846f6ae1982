import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldCheckmarkRegular, WarningRegular } from '@fluentui/react-icons';
import {
  botServiceCmekApp,
  lookalikeExplanation,
  type PrincipalFacts,
  type PrincipalTrust,
} from '../../domain/bot-service-principal';

const useStyles = makeStyles({
  note: { color: tokens.colorStatusDangerForeground1, display: 'block' },
});

/** Marks Microsoft's own Bot Service CMEK Prod, and flags a principal that only looks like it. */
export function PrincipalTrustBadge({ trust }: { trust: PrincipalTrust }) {
  if (trust === 'genuine')
    return (
      <Badge appearance="tint" color="success" icon={<ShieldCheckmarkRegular />}>
        Microsoft’s {botServiceCmekApp.displayName}
      </Badge>
    );
  if (trust === 'lookalike')
    return (
      <Badge appearance="filled" color="danger" icon={<WarningRegular />}>
        Lookalike
      </Badge>
    );
  return null;
}

/** The explanation that goes with a lookalike, wherever one is shown. */
export function LookalikeNote({ principal }: { principal: PrincipalFacts }) {
  const styles = useStyles();
  return (
    <Text size={200} className={styles.note}>
      {lookalikeExplanation(principal)}
    </Text>
  );
}
