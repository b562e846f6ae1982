import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { assignAsCode, cmkPolicy, effectWords, type PolicyEffect } from '../../domain/policy/cmk-policy';
import { AsCodeView } from '../shared/as-code-view';

/**
 * The one-click assignment at a subscription: Audit or Deny, what each does (Deny also blocks changes to the bots not
 * yet on a customer-managed key, named by count), the same as code, then Assign.
 */
export function AssignPolicyDialog({
  subscriptionId,
  subscriptionName,
  microsoftManagedBots,
  current,
  onAssign,
  onClose,
}: {
  subscriptionId: string;
  subscriptionName: string;
  /** Bots of the subscription on Microsoft-managed keys (Deny refuses every change to them). */
  microsoftManagedBots: number;
  current?: string;
  onAssign(effect: PolicyEffect): void;
  onClose(): void;
}) {
  const [effect, setEffect] = useState<PolicyEffect>(current === 'Deny' ? 'Deny' : 'Audit');
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Assign the CMK policy to {subscriptionName}</DialogTitle>
          <DialogContent>
            <Text as="p">
              Azure’s built-in policy “{cmkPolicy.displayName}” checks every bot of the subscription for
              customer-managed keys (isCmekEnabled). Azure Policy then evaluates the subscription now.
            </Text>
            <RadioGroup
              aria-label="Effect"
              value={effect}
              onChange={(_, d) => setEffect(d.value as PolicyEffect)}
            >
              <Radio value="Audit" label={`Audit: ${effectWords.Audit}`} />
              <Radio value="Deny" label={`Deny: ${effectWords.Deny}`} />
            </RadioGroup>
            {effect === 'Deny' && microsoftManagedBots > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  {microsoftManagedBots} bot{microsoftManagedBots === 1 ? ' is' : 's are'} of{' '}
                  {subscriptionName} on Microsoft-managed keys: with Deny, every change to{' '}
                  {microsoftManagedBots === 1 ? 'it' : 'them'} is refused until{' '}
                  {microsoftManagedBots === 1 ? 'it moves' : 'they move'} to a customer-managed key.
                </MessageBarBody>
              </MessageBar>
            )}
            <AsCodeView
              title="The same, as code"
              headingLevel={3}
              code={assignAsCode(subscriptionId, effect)}
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAssign(effect)}>
              Assign ({effect})
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
